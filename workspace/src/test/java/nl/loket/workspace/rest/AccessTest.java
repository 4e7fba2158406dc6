package nl.loket.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.WithFakeServices;

/** Who may call the werkplek, and with whose token it calls the services behind it. */
@QuarkusTest
@WithFakeServices
class AccessTest {

    static final String ITEMS = "/api/v1/teams/kcc/items";

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
        FakeServices.answer("GET", ITEMS, 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
    }

    @Test
    void theServiceBehindReceivesTheSignedInAgentsOwnToken() {
        String token = TestTokens.agent("agent-a", "kcc");
        given().auth().oauth2(token).get("/api/teams/kcc/items").then().statusCode(200).body("total", equalTo(0));

        assertThat(FakeServices.received("GET", ITEMS)).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
    }

    @Test
    void anApiCallWithoutTokenOrSessionIs401ProblemJson() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/teams/kcc/items").then().statusCode(401);
        assertThat(FakeServices.received("GET", ITEMS)).isEmpty();
    }

    @Test
    void aSpoiledTokenIs401() {
        TestTokens.spoiled(() -> TestTokens.as("agent-a").roles("agent").teams("kcc")).forEach((defect, token) ->
                given().auth().oauth2(token).get("/api/me").then().statusCode(401));
    }

    @Test
    void aCallerWithoutRoleAgentIs403() {
        String viewer = TestTokens.as("viewer").roles("metrics-viewer").municipalities("GM0363").sign();
        given().auth().oauth2(viewer).get("/api/me").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(viewer).get("/api/teams/kcc/items").then().statusCode(403);
        given().auth().oauth2(viewer).contentType(ContentType.JSON)
                .body("{\"channel\":\"COUNTER\",\"municipality\":\"GM0363\",\"text\":\"vraag\"}")
                .post("/api/registrations").then().statusCode(403);
        assertThat(FakeServices.received("GET", ITEMS)).isEmpty();
    }

    @Test
    void aFormPostIs415() {
        String token = TestTokens.agent("agent-a", "kcc");
        given().auth().oauth2(token).contentType(ContentType.URLENC).formParam("outcome", "ANSWERED")
                .post("/api/items/c-1/resolve").then().statusCode(415);
        given().auth().oauth2(token).contentType(ContentType.URLENC).formParam("text", "x")
                .post("/api/registrations").then().statusCode(415);
        given().auth().oauth2(token).contentType(ContentType.URLENC).post("/api/items/c-1/claim").then().statusCode(415);
        assertThat(FakeServices.received("POST", "/api/v1/items/c-1/resolve")).isEmpty();
    }

    @Test
    void aPageWithoutSessionStartsTheCodeFlowAtTheProvider() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        given().redirects().follow(false).get("/index.html").then().statusCode(302)
                .header("Location", startsWith(issuer + "/protocol/openid-connect/auth"));
    }

    @Test
    void healthIsOpenOnTheManagementPort() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().get("http://localhost:" + port + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
