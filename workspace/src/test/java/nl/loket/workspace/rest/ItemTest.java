package nl.loket.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.Fixtures;
import nl.loket.workspace.WithFakeServices;

/** One contact with its answer and case status; the actions; what passes through from the services behind. */
@QuarkusTest
@WithFakeServices
class ItemTest {

    String agent = TestTokens.agent("agent-a", "kcc");

    @TestHTTPResource("/api/items/c-1/claim")
    URI claim;

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
    }

    @Test
    void theContactComesWithItsHistoryCallBacksKnowledgeAnswerAndCaseStatus() {
        FakeServices.answer("GET", "/api/v1/items/c-1", 200,
                Fixtures.workItem("c-1", "kcc", "OPEN", Instant.now().plusSeconds(3600 * 48), "art-1"));
        FakeServices.answer("GET", "/api/v1/items/c-1/history", 200, """
                [{"seq":1,"at":"2026-03-10T09:00:00Z","action":"ASSIGNED","actor":"routing-service","teamId":"kcc",
                  "tier":"FIRST_LINE","hop":0,"status":"OPEN","reason":"Doorgezet naar KCC","eventId":"e-1"}]""");
        FakeServices.answer("GET", "/api/v1/items/c-1/callbacks", 200,
                "[" + Fixtures.callback("cb-1", "c-1", Instant.now().plusSeconds(7200 * 24), "OPEN") + "]");
        FakeServices.answer("GET", "/api/v1/articles/art-1", 200, Fixtures.article("art-1"));
        FakeServices.answer("GET", "/api/v1/cases/Z-1", 200, """
                {"reference":"Z-1","municipality":"GM0363","status":"IN_BEHANDELING","statusText":"In behandeling",
                 "expectedDecisionDate":"2026-04-01","changedAt":"2026-03-09T12:00:00Z"}""");

        given().auth().oauth2(agent).get("/api/items/c-1").then().statusCode(200)
                .body("item.contactId", equalTo("c-1"))
                .body("item.routingReason", equalTo("Doorgezet naar KCC: paspoort aanvragen"))
                .body("item.deadline", equalTo("LATER"))
                .body("history.action", contains("ASSIGNED"))
                .body("history[0].eventId", equalTo(null))
                .body("callbacks.callbackId", contains("cb-1"))
                .body("answer.id", equalTo("art-1"))
                .body("answer.title", equalTo("Hoe vraag ik een paspoort aan?"))
                .body("answer.answer", equalTo("Maak een afspraak bij de balie."))
                .body("answer.url", equalTo("https://www.example.nl/paspoort"))
                .body("caseStatus.statusText", equalTo("In behandeling"))
                .body("teamName", equalTo("Klant Contact Centrum"));

        for (String path : new String[] { "/api/v1/items/c-1", "/api/v1/items/c-1/history",
                "/api/v1/articles/art-1", "/api/v1/cases/Z-1" }) {
            assertThat(FakeServices.received("GET", path)).allSatisfy(
                    r -> assertThat(r.authorization()).isEqualTo("Bearer " + agent));
        }
    }

    @Test
    void withoutAnArticleOrCaseTheContactIsShownWithoutThem() {
        FakeServices.answer("GET", "/api/v1/items/c-2", 200,
                Fixtures.workItem("c-2", "kcc", "OPEN", null, null).replace("\"caseReference\":\"Z-1\",", ""));
        FakeServices.answer("GET", "/api/v1/items/c-2/history", 200, "[]");
        FakeServices.answer("GET", "/api/v1/items/c-2/callbacks", 200, "[]");
        FakeServices.answer("GET", "/api/v1/knowledge/search", 503, Fixtures.problem(503, "not ready"));

        given().auth().oauth2(agent).get("/api/items/c-2").then().statusCode(200)
                .body("item.contactId", equalTo("c-2")).body("answer", equalTo(null)).body("caseStatus", equalTo(null));
    }

    @Test
    void aNotFoundFromChainTeamPassesThroughAsProblemJsonWithADutchTitle() {
        FakeServices.answer("GET", "/api/v1/items/c-x", 404, Fixtures.problem(404, "No work item c-x"));

        given().auth().oauth2(agent).get("/api/items/c-x").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Dit contact is niet (meer) in uw teams te vinden"))
                .body("detail", equalTo("No work item c-x"));
    }

    @Test
    void aConflictAndARefusalPassThroughWithTheirStatus() {
        FakeServices.answer("POST", "/api/v1/items/c-1/claim", 409, Fixtures.problem(409, "Claimed by agent-b"));
        FakeServices.answer("POST", "/api/v1/items/c-1/resolve", 403, Fixtures.problem(403, "Claimed by agent-b"));

        given().auth().oauth2(agent).contentType(ContentType.JSON).post("/api/items/c-1/claim").then()
                .statusCode(409).contentType("application/problem+json").body("title", notNullValue());
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{\"outcome\":\"ANSWERED\",\"note\":\"ok\"}")
                .post("/api/items/c-1/resolve").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void claimAndReleaseNeedNoBody() throws Exception {
        String item = Fixtures.workItem("c-1", "kcc", "CLAIMED", null, null);
        FakeServices.answer("POST", "/api/v1/items/c-1/claim", 200, item);
        FakeServices.answer("POST", "/api/v1/items/c-1/release", 200, item.replace("CLAIMED", "OPEN"));

        // as the pages' fetch() sends it: no body, no Content-Type
        HttpResponse<String> claimed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(claim)
                .header("Authorization", "Bearer " + agent).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(claimed.body()).contains("\"status\":\"CLAIMED\"");
        given().auth().oauth2(agent).contentType(ContentType.JSON).post("/api/items/c-1/release").then()
                .statusCode(200).body("status", equalTo("OPEN"));
        assertThat(FakeServices.received("POST", "/api/v1/items/c-1/claim")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + agent));
    }

    @Test
    void anUnreachableServiceIs503ProblemJson() {
        FakeServices.answer("GET", "/api/v1/items/c-1", r -> new FakeServices.Answer(0, null));

        given().auth().oauth2(agent).get("/api/items/c-1").then().statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("De wachtrijen is nu niet bereikbaar; probeer het zo opnieuw"));
        // a read is tried again a bounded number of times
        assertThat(FakeServices.received("GET", "/api/v1/items/c-1")).hasSize(3);
    }

    @Test
    void theActionsReachChainTeamWithTheirBodies() {
        String item = Fixtures.workItem("c-1", "kcc", "RESOLVED", null, null);
        FakeServices.answer("POST", "/api/v1/items/c-1/resolve", 200, item);
        FakeServices.answer("POST", "/api/v1/items/c-1/transfer", 202, item);
        FakeServices.answer("GET", "/api/v1/items/c-1", 200, item);
        FakeServices.answer("POST", "/api/v1/items/c-1/callbacks", 201,
                Fixtures.callback("cb-9", "c-1", Instant.parse("2030-01-01T10:00:00Z"), "OPEN"));

        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{\"outcome\":\"ANSWERED\",\"note\":\"klaar\"}")
                .post("/api/items/c-1/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"toTeamId\":\"belastingen\",\"reason\":\"WOZ-bezwaar\"}")
                .post("/api/items/c-1/transfer").then().statusCode(200);
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"dueAt\":\"2030-01-01T10:00:00Z\",\"note\":\"bellen\"}")
                .post("/api/items/c-1/callbacks").then().statusCode(200).body("callbackId", equalTo("cb-9"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .post("/api/items/c-1/resolve").then().statusCode(400);

        assertThat(FakeServices.received("POST", "/api/v1/items/c-1/resolve")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"outcome\":\"ANSWERED\"", "\"note\":\"klaar\""));
        assertThat(FakeServices.received("POST", "/api/v1/items/c-1/transfer")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"toTeamId\":\"belastingen\""));
        // a call-back without a target team is one for the item's own team
        assertThat(FakeServices.received("POST", "/api/v1/items/c-1/callbacks")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"targetTeamId\":\"kcc\""));
    }
}
