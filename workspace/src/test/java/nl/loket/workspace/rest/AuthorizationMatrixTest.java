package nl.loket.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.WithFakeServices;

/**
 * Every endpoint of the werkplek's API against the real token check (quarkus-oidc, test-support's provider): no token
 * and every spoiled token 401 problem+json, a caller without role {@code agent} 403, an agent gets past the check
 * (whatever the service behind then answers) — and nothing reaches the services behind before the check passed.
 */
@QuarkusTest
@WithFakeServices
class AuthorizationMatrixTest {

    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/me", null),
                new Endpoint("GET", "/api/teams", null),
                new Endpoint("GET", "/api/teams/kcc/items", null),
                new Endpoint("GET", "/api/teams/kcc/callbacks", null),
                new Endpoint("GET", "/api/teams/kcc/events", null),
                new Endpoint("GET", "/api/items/c-1", null),
                new Endpoint("POST", "/api/items/c-1/claim", "{}"),
                new Endpoint("POST", "/api/items/c-1/release", "{}"),
                new Endpoint("POST", "/api/items/c-1/resolve", "{\"outcome\":\"ANSWERED\"}"),
                new Endpoint("POST", "/api/items/c-1/transfer", "{\"toTeamId\":\"belastingen\",\"reason\":\"hoort daar\"}"),
                new Endpoint("POST", "/api/items/c-1/callbacks", "{\"note\":\"graag terugbellen\"}"),
                new Endpoint("POST", "/api/callbacks/cb-1/complete", "{\"reached\":true}"),
                new Endpoint("GET", "/api/knowledge/search?q=paspoort", null),
                new Endpoint("GET", "/api/articles/a-1", null),
                new Endpoint("POST", "/api/registrations",
                        "{\"channel\":\"COUNTER\",\"municipality\":\"GM0363\",\"text\":\"Wat kost een paspoort?\"}"),
                new Endpoint("GET", "/api/lead", null));
    }

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutTokenIs401ProblemJsonAndReachesNothing(Endpoint endpoint) {
        call(given(), endpoint).then().statusCode(401).contentType("application/problem+json");
        assertThat(FakeServices.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everySpoiledTokenIs401(Endpoint endpoint) {
        TestTokens.spoiled(() -> TestTokens.as("agent-a").roles("agent").teams("kcc").municipalities("GM0363"))
                .forEach((defect, token) -> call(given().auth().oauth2(token), endpoint).then().statusCode(401));
        assertThat(FakeServices.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyRoleButAgentIs403(Endpoint endpoint) {
        for (String role : new String[] { "metrics-viewer", "editor", "operator", "adapter" }) {
            String token = TestTokens.as("someone-" + role).roles(role).teams("kcc").municipalities("GM0363").sign();
            call(given().auth().oauth2(token), endpoint).then().statusCode(403).contentType("application/problem+json");
        }
        assertThat(FakeServices.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anAgentGetsPastTheCheck(Endpoint endpoint) {
        String token = TestTokens.as("agent-a").roles("agent").teams("kcc").municipalities("GM0363").sign();
        // the stand-in services answer 404 where no fixture is set: passed through, it shows the check was passed
        call(given().auth().oauth2(token), endpoint).then().statusCode(not(oneOf(401, 403, 500)));
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
