package nl.loket.knowledge;

import static io.restassured.RestAssured.given;
import static nl.loket.knowledge.Api.asEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "knowledge")
class KnowledgeCrudTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    /** Readiness, on the management interface. */
    private final String ready = Management.url("/q/health/ready");

    @Test
    void teamListingHoldsTheDefaultTaxonomyWithTiers() {
        asEditor().get("/api/v1/teams").then().statusCode(200)
                .body("id", hasItems("kcc", "omgeving", "sociaal-domein", "belastingen", "veiligheid",
                        "openbare-ruimte", "burgerzaken", "juridische-zaken", "ruimtelijke-ontwikkeling"))
                .body("find { it.id == 'kcc' }.tier", equalTo("FIRST_LINE"))
                .body("find { it.id == 'belastingen' }.tier", equalTo("CHAIN_TEAM"))
                .body("find { it.id == 'burgerzaken' }.tier", equalTo("BACK_OFFICE"))
                .body("find { it.id == 'omgeving' }.name", equalTo("Omgeving (vergunningen, toezicht en handhaving bouwen en wonen)"));
    }

    @Test
    void teamLifecycleIsPublishedAndDeletionLeavesATombstone() {
        String id = "test-wijkteam";
        asEditor().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Wijkteam Noord", "tier", "CHAIN_TEAM",
                        "organisations", List.of("gemeente", "GGD"), "channels", List.of("PHONE", "EMAIL")))
                .post("/api/v1/teams").then().statusCode(201).body("id", equalTo(id));
        asEditor().get("/api/v1/teams/" + id).then().statusCode(200).body("organisations", hasItem("GGD"));
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Wijkteam Noord-Oost", "tier", "CHAIN_TEAM"))
                .put("/api/v1/teams/" + id).then().statusCode(200).body("name", equalTo("Wijkteam Noord-Oost"));
        asEditor().delete("/api/v1/teams/" + id).then().statusCode(204);
        asEditor().get("/api/v1/teams/" + id).then().statusCode(404).contentType(PROBLEM);

        List<ReadRecord> records = TopicClient.await(Topics.KNOWLEDGE_TEAMS, r -> id.equals(r.key()), 3, WAIT);
        records.forEach(Events::assertProducedByUs);
        assertThat(records.get(0).value()).contains("Wijkteam Noord\"");
        assertThat(records.get(1).value()).contains("Wijkteam Noord-Oost");
        assertThat(records.get(2).value()).isNull();
        assertThat(records.get(2).header("ce_type")).isEqualTo(TeamChanged.TYPE);
    }

    @Test
    void aTeamStillHandlingProductsCannotBeDeleted() {
        asEditor().delete("/api/v1/teams/omgeving").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void duplicateTeamIsAConflict() {
        asEditor().contentType(ContentType.JSON).body(Map.of("id", "kcc", "name", "KCC", "tier", "FIRST_LINE"))
                .post("/api/v1/teams").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void invalidTeamNamesEachField() {
        asEditor().contentType(ContentType.JSON).body(Map.of("id", "Not Valid!", "name", ""))
                .post("/api/v1/teams").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("id", "name", "tier"));
    }

    @Test
    void productLifecycleIsPublishedKeyedByUriWithTombstone() {
        String uri = "https://example.org/upl/testproduct_zwemvijververgunning";
        Map<String, Object> body = Map.of("uri", uri, "name", "zwemvijververgunning", "kind", "aanvraag",
                "keywords", List.of("vijver", "zwemmen"), "teamId", "omgeving",
                "handlingTerm", Map.of("days", 8, "unit", "WORKING_DAYS"));
        asEditor().contentType(ContentType.JSON).body(body).post("/api/v1/products").then().statusCode(201)
                .body("id", equalTo("testproduct_zwemvijververgunning")).body("teamId", equalTo("omgeving"));
        asEditor().queryParam("q", "zwemvijververgunning").get("/api/v1/knowledge/search").then().statusCode(200)
                .body("hits[0].id", equalTo("testproduct_zwemvijververgunning"));
        Map<String, Object> moved = new java.util.HashMap<>(body);
        moved.put("teamId", "veiligheid");
        asEditor().contentType(ContentType.JSON).body(moved).put("/api/v1/products/testproduct_zwemvijververgunning")
                .then().statusCode(200).body("teamId", equalTo("veiligheid"));
        asEditor().delete("/api/v1/products/testproduct_zwemvijververgunning").then().statusCode(204);
        asEditor().get("/api/v1/products/testproduct_zwemvijververgunning").then().statusCode(404).contentType(PROBLEM);
        asEditor().queryParam("q", "zwemvijververgunning").get("/api/v1/knowledge/search").then().statusCode(200)
                .body("hits.id", org.hamcrest.Matchers.not(hasItem("testproduct_zwemvijververgunning")));

        List<ReadRecord> records = TopicClient.await(Topics.KNOWLEDGE_PRODUCTS, r -> uri.equals(r.key()), 3, WAIT);
        records.forEach(Events::assertProducedByUs);
        assertThat(records.get(0).value()).contains("\"teamId\":\"omgeving\"").contains("\"handlingTerm\":{\"days\":8");
        assertThat(records.get(1).value()).contains("\"teamId\":\"veiligheid\"");
        assertThat(records.get(2).value()).isNull();
        assertThat(records.get(2).header("ce_type")).isEqualTo(ProductChanged.TYPE);
    }

    @Test
    void productWithUnknownTeamIsRejectedNamingTheField() {
        asEditor().contentType(ContentType.JSON).body(Map.of("uri", "https://example.org/upl/x_onbekend", "name", "x",
                "teamId", "bestaat-niet", "handlingTerm", Map.of("days", 5, "unit", "WORKING_DAYS")))
                .post("/api/v1/products").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("teamId"));
    }

    @Test
    void invalidProductNamesEachField() {
        asEditor().contentType(ContentType.JSON).body(Map.of("uri", "geen uri", "kind", "wens",
                "handlingTerm", Map.of("days", 400)))
                .post("/api/v1/products").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("uri", "name", "kind",
                        "teamId", "handlingTerm.days", "handlingTerm.unit"));
    }

    @Test
    void seededProductCarriesItsTeamAndMappingReason() {
        asEditor().get("/api/v1/products/belastingkwijtschelding").then().statusCode(200)
                .body("teamId", equalTo("belastingen"))
                .body("uri", equalTo("http://standaarden.overheid.nl/owms/terms/belastingkwijtschelding"))
                .body("handlingTerm.unit", equalTo("WORKING_DAYS"));
        asEditor().get("/api/v1/products/omgevingsvergunning_kap").then().statusCode(200).body("teamId", equalTo("omgeving"));
        asEditor().get("/api/v1/products/bijstand").then().statusCode(200).body("teamId", equalTo("sociaal-domein"));
        asEditor().get("/api/v1/products/bezwaar").then().statusCode(200).body("teamId", equalTo("juridische-zaken"));
        asEditor().get("/api/v1/products/naturalisatieverzoek").then().statusCode(200).body("teamId", equalTo("burgerzaken"));
        asEditor().queryParam("teamId", "belastingen").get("/api/v1/products").then().statusCode(200)
                .body("teamId", org.hamcrest.Matchers.everyItem(equalTo("belastingen")));
    }

    @Test
    void categoryLifecycleWithSlashIdsAndTombstone() {
        String id = "afval/test-zwerfkeien";
        Map<String, Object> body = Map.of("id", id, "name", "Zwerfkeien", "teamId", "openbare-ruimte",
                "handlingTerm", Map.of("days", 3, "unit", "WORKING_DAYS"));
        asEditor().contentType(ContentType.JSON).body(body).post("/api/v1/categories").then().statusCode(201)
                .body("parentId", equalTo("afval"));
        asEditor().get("/api/v1/categories/" + id).then().statusCode(200).body("name", equalTo("Zwerfkeien"));
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Zwerfkeien en stenen", "teamId", "openbare-ruimte",
                "handlingTerm", Map.of("days", 4, "unit", "CALENDAR_DAYS")))
                .put("/api/v1/categories/" + id).then().statusCode(200).body("handlingTerm.days", equalTo(4));
        asEditor().delete("/api/v1/categories/" + id).then().statusCode(204);
        asEditor().get("/api/v1/categories/" + id).then().statusCode(404).contentType(PROBLEM);

        List<ReadRecord> records = TopicClient.await(Topics.KNOWLEDGE_CATEGORIES, r -> id.equals(r.key()), 3, WAIT);
        records.forEach(Events::assertProducedByUs);
        assertThat(records.get(2).value()).isNull();
        assertThat(records.get(2).header("ce_type")).isEqualTo(CategoryChanged.TYPE);
    }

    @Test
    void subCategoryOfUnknownMainIsRejected() {
        asEditor().contentType(ContentType.JSON).body(Map.of("id", "bestaat-niet/iets", "name", "Iets",
                "teamId", "openbare-ruimte", "handlingTerm", Map.of("days", 3, "unit", "WORKING_DAYS")))
                .post("/api/v1/categories").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("id"));
        asEditor().delete("/api/v1/categories/afval").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void articleIsSearchableAtOnceAndDeletionLeavesATombstone() {
        String id = asEditor().contentType(ContentType.JSON)
                .body(Map.of("question", "Mag ik schaatsen op de stadsgracht?",
                        "answer", "Schaatsen op de stadsgracht mag alleen als de gemeente het ijs heeft vrijgegeven.",
                        "subjects", List.of("Winter"), "validFrom", "2026-01-01",
                        "productUris", List.of("http://standaarden.overheid.nl/owms/terms/evenementenvergunning")))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
        asEditor().queryParam("q", "schaatsen gracht").get("/api/v1/knowledge/search").then().statusCode(200)
                .body("hits[0].id", equalTo(id)).body("hits[0].type", equalTo("ARTICLE"))
                .body("hits[0].teamId", equalTo("veiligheid"));
        asEditor().contentType(ContentType.JSON)
                .body(Map.of("question", "Mag ik schaatsen op de stadsgracht?", "answer", "Nee, nooit."))
                .put("/api/v1/articles/" + id).then().statusCode(200).body("answer", equalTo("Nee, nooit."));
        asEditor().delete("/api/v1/articles/" + id).then().statusCode(204);
        asEditor().get("/api/v1/articles/" + id).then().statusCode(404).contentType(PROBLEM);

        List<ReadRecord> records = TopicClient.await(Topics.KNOWLEDGE_ARTICLES, r -> id.equals(r.key()), 3, WAIT);
        records.forEach(Events::assertProducedByUs);
        assertThat(records.get(0).value()).contains("\"validFrom\":\"2026-01-01\"")
                .contains("\"productUris\":[\"http://standaarden.overheid.nl/owms/terms/evenementenvergunning\"]");
        assertThat(records.get(2).value()).isNull();
        assertThat(records.get(2).header("ce_type")).isEqualTo(ArticleChanged.TYPE);
    }

    @Test
    void articleValidationNamesFields() {
        asEditor().contentType(ContentType.JSON).body(Map.of("question", "", "validFrom", "2026-02-01", "validUntil", "2026-01-01", "answer", "x"))
                .post("/api/v1/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("question"));
        asEditor().contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a", "validFrom", "2026-02-01", "validUntil", "2026-01-01"))
                .post("/api/v1/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("validUntil"));
        asEditor().contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a",
                "productUris", List.of("http://standaarden.overheid.nl/owms/terms/paspoort", "https://example.org/geen-product")))
                .post("/api/v1/articles").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("productUris[1]"));
    }

    @Test
    void malformedJsonAndUnknownIdsAreProblems() {
        asEditor().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM);
        asEditor().contentType(ContentType.JSON).body("{\"id\":\"x\",\"name\":\"X\",\"tier\":\"GEEN\"}").post("/api/v1/teams")
                .then().statusCode(400).contentType(PROBLEM);
        asEditor().get("/api/v1/teams/bestaat-niet").then().statusCode(404).contentType(PROBLEM);
        asEditor().get("/api/v1/products/bestaat-niet").then().statusCode(404).contentType(PROBLEM);
        asEditor().get("/api/v1/categories/bestaat-niet").then().statusCode(404).contentType(PROBLEM);
        asEditor().get("/api/v1/articles/bestaat-niet").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void concurrentEditsOfOneTeamNeverFailWithA500() throws Exception {
        asEditor().contentType(ContentType.JSON).body(Map.of("id", "test-gelijktijdig", "name", "Start", "tier", "BACK_OFFICE"))
                .post("/api/v1/teams").then().statusCode(201);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "Naam " + i;
                results.add(pool.submit(() -> asEditor().contentType(ContentType.JSON)
                        .body(Map.of("name", name, "tier", "BACK_OFFICE")).put("/api/v1/teams/test-gelijktijdig")
                        .then().extract().statusCode()));
            }
            for (var r : results) {
                assertThat(r.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdown();
        }
        String finalName = asEditor().get("/api/v1/teams/test-gelijktijdig").then().statusCode(200).extract().path("name");
        // the last record on the topic for this key is the state the database holds
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            List<ReadRecord> all = TopicClient.readAll(Topics.KNOWLEDGE_TEAMS, WAIT).stream()
                    .filter(r -> "test-gelijktijdig".equals(r.key())).toList();
            assertThat(all).isNotEmpty();
            assertThat(all.get(all.size() - 1).value()).contains("\"name\":\"" + finalName + "\"");
        });
    }

    @Test
    void readinessReportsTheBuiltSearchIndexAndThePublishedSeed() {
        // the seed's outbox is relayed within seconds of start; until then the service is not ready
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'search-index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'knowledge-published' }.status", equalTo("UP")));
    }

    @Test
    void searchEndpointRanksWithSnippetsAndValidatesItsParameters() {
        asEditor().queryParam("q", "kwijtschelding gemeentebelasting").queryParam("limit", 3)
                .get("/api/v1/knowledge/search").then().statusCode(200)
                .body("hits.id", hasItem("belastingkwijtschelding"))
                .body("hits", hasSize(3))
                .body("hits[0].snippet", org.hamcrest.Matchers.containsString("<em>"));
        asEditor().get("/api/v1/knowledge/search").then().statusCode(400).contentType(PROBLEM);
        asEditor().queryParam("q", "paspoort").queryParam("limit", 0).get("/api/v1/knowledge/search")
                .then().statusCode(400).contentType(PROBLEM);
    }
}
