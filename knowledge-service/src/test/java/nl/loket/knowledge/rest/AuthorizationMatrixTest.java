package nl.loket.knowledge.rest;

import static io.restassured.RestAssured.given;
import static nl.loket.knowledge.Api.asAgent;
import static nl.loket.knowledge.Api.asEditor;
import static nl.loket.knowledge.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.knowledge.Management;

/**
 * The roles table of knowledge-service (README "Endpoints and roles"): every endpoint × {no token, expired, wrong
 * issuer, wrong audience, tampered, signed by a stranger} is 401, every role outside the table is 403 (both
 * problem+json), and the roles of the table get their answer.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "knowledge")
class AuthorizationMatrixTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> ALL_ROLES = Set.of(Roles.ADAPTER, Roles.AGENT, Roles.EDITOR, Roles.METRICS_VIEWER,
            Roles.OPERATOR);
    private static final Set<String> READERS = Set.of(Roles.AGENT, Roles.EDITOR);
    private static final Set<String> EDITORS = Set.of(Roles.EDITOR);

    private static final Map<String, Object> TEAM = Map.of("id", "matrix-team", "name", "Matrix", "tier", "BACK_OFFICE");
    private static final Map<String, Object> PRODUCT = Map.of("uri", "https://example.org/upl/matrix_product",
            "name", "matrix", "teamId", "kcc", "handlingTerm", Map.of("days", 5, "unit", "WORKING_DAYS"));
    private static final Map<String, Object> CATEGORY = Map.of("id", "matrix-categorie", "name", "Matrix",
            "teamId", "kcc", "handlingTerm", Map.of("days", 5, "unit", "WORKING_DAYS"));
    private static final Map<String, Object> ARTICLE = Map.of("question", "Matrix?", "answer", "Ja.");

    /** One endpoint of the API and the roles the table allows on it. */
    record Endpoint(String method, String path, Map<String, Object> body, Set<String> allowed) {
        Response call(RequestSpecification spec) {
            RequestSpecification s = body == null ? spec : spec.contentType(ContentType.JSON).body(body);
            return s.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/teams", null, READERS),
                new Endpoint("GET", "/api/v1/teams/kcc", null, READERS),
                new Endpoint("POST", "/api/v1/teams", TEAM, EDITORS),
                new Endpoint("PUT", "/api/v1/teams/matrix-team", TEAM, EDITORS),
                new Endpoint("DELETE", "/api/v1/teams/matrix-team", null, EDITORS),
                new Endpoint("GET", "/api/v1/products", null, READERS),
                new Endpoint("GET", "/api/v1/products/paspoort", null, READERS),
                new Endpoint("POST", "/api/v1/products", PRODUCT, EDITORS),
                new Endpoint("PUT", "/api/v1/products/matrix_product", PRODUCT, EDITORS),
                new Endpoint("DELETE", "/api/v1/products/matrix_product", null, EDITORS),
                new Endpoint("GET", "/api/v1/categories", null, READERS),
                new Endpoint("GET", "/api/v1/categories/afval", null, READERS),
                new Endpoint("POST", "/api/v1/categories", CATEGORY, EDITORS),
                new Endpoint("PUT", "/api/v1/categories/matrix-categorie", CATEGORY, EDITORS),
                new Endpoint("DELETE", "/api/v1/categories/matrix-categorie", null, EDITORS),
                new Endpoint("GET", "/api/v1/articles", null, READERS),
                new Endpoint("GET", "/api/v1/articles/bestaat-niet", null, READERS),
                new Endpoint("POST", "/api/v1/articles", ARTICLE, EDITORS),
                new Endpoint("PUT", "/api/v1/articles/bestaat-niet", ARTICLE, EDITORS),
                new Endpoint("DELETE", "/api/v1/articles/bestaat-niet", null, EDITORS),
                new Endpoint("GET", "/api/v1/knowledge/search?q=paspoort", null, READERS),
                new Endpoint("GET", "/api/v1/cases/Z-matrix", null, Set.of(Roles.AGENT)));
    }

    /** Tokens that prove nothing, each carrying every role (only the defect named in the key may refuse them). */
    static Map<String, String> invalidTokens() {
        return TestTokens.spoiled(() -> TestTokens.as("intruder-k").roles(ALL_ROLES.toArray(String[]::new))
                .teams("kcc").municipalities("0363").organisation("gemeente"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointAnswers401ProblemWithBearerChallenge(Endpoint endpoint) {
        Response r = endpoint.call(given());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anExpiredForeignMisaddressedTamperedOrStrangerSignedTokenIs401Everywhere(Endpoint endpoint) {
        invalidTokens().forEach((defect, token) -> {
            Response r = endpoint.call(withToken(token));
            assertThat(r.statusCode()).as("token %s", defect).isEqualTo(401);
            assertThat(r.contentType()).as("token %s", defect).startsWith(PROBLEM);
            assertThat(r.header("WWW-Authenticate")).as("token %s", defect).startsWith("Bearer");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aValidTokenWithARoleOutsideTheTableIs403(Endpoint endpoint) {
        for (String role : ALL_ROLES) {
            if (endpoint.allowed().contains(role)) {
                continue;
            }
            Response r = endpoint.call(withToken(TestTokens.as("other-" + role).roles(role).teams("kcc")
                    .municipalities("0363").organisation("gemeente").sign()));
            assertThat(r.statusCode()).as("role %s", role).isEqualTo(403);
            assertThat(r.contentType()).as("role %s", role).startsWith(PROBLEM);
        }
    }

    @Test
    void agentsAndEditorsReadTheKnowledgeBase() {
        List<Supplier<RequestSpecification>> readers = List.of(() -> asAgent(), () -> asEditor());
        for (Supplier<RequestSpecification> reader : readers) {
            reader.get().get("/api/v1/teams").then().statusCode(200);
            reader.get().get("/api/v1/teams/kcc").then().statusCode(200);
            reader.get().get("/api/v1/products").then().statusCode(200);
            reader.get().get("/api/v1/products/paspoort").then().statusCode(200);
            reader.get().get("/api/v1/categories").then().statusCode(200);
            reader.get().get("/api/v1/categories/afval").then().statusCode(200);
            reader.get().queryParam("size", 5).get("/api/v1/articles").then().statusCode(200);
            reader.get().queryParam("q", "paspoort").get("/api/v1/knowledge/search").then().statusCode(200);
        }
    }

    @Test
    void anAgentReadsCaseStatus() {
        // an unknown case: the agent passed the check and learns it does not exist
        asAgent().get("/api/v1/cases/Z-matrix").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anEditorCreatesChangesAndDeletesEveryKind() {
        asEditor().contentType(ContentType.JSON).body(TEAM).post("/api/v1/teams").then().statusCode(201);
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Matrix 2", "tier", "BACK_OFFICE"))
                .put("/api/v1/teams/matrix-team").then().statusCode(200);

        Map<String, Object> product = new LinkedHashMap<>(PRODUCT);
        product.put("teamId", "matrix-team");
        asEditor().contentType(ContentType.JSON).body(product).post("/api/v1/products").then().statusCode(201);
        asEditor().contentType(ContentType.JSON).body(product).put("/api/v1/products/matrix_product").then().statusCode(200);
        asEditor().delete("/api/v1/products/matrix_product").then().statusCode(204);

        asEditor().contentType(ContentType.JSON).body(CATEGORY).post("/api/v1/categories").then().statusCode(201);
        asEditor().contentType(ContentType.JSON).body(CATEGORY).put("/api/v1/categories/matrix-categorie").then().statusCode(200);
        asEditor().delete("/api/v1/categories/matrix-categorie").then().statusCode(204);

        String article = asEditor().contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles").then()
                .statusCode(201).extract().path("id");
        asEditor().contentType(ContentType.JSON).body(ARTICLE).put("/api/v1/articles/" + article).then().statusCode(200);
        asEditor().delete("/api/v1/articles/" + article).then().statusCode(204);

        asEditor().delete("/api/v1/teams/matrix-team").then().statusCode(204);
    }

    private final String managementLiveness = Management.url("/q/health/live");

    @Test
    void healthIsServedOnTheManagementPortAndNotOnThePublicPort() {
        given().get(managementLiveness).then().statusCode(200);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

}
