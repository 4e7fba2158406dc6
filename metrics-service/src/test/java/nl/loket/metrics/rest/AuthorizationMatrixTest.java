package nl.loket.metrics.rest;

import static io.restassured.RestAssured.given;
import static nl.loket.metrics.Viewers.viewerOf;
import static nl.loket.metrics.Viewers.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import nl.loket.kit.auth.Roles;
import nl.loket.metrics.ScriptedDay;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.metrics.Management;

/**
 * The roles table of metrics-service (README "Endpoints and roles"): every endpoint × {no token, expired, wrong
 * issuer, wrong audience, tampered, signed by a stranger} is 401, × {a role other than metrics-viewer} and × {another
 * municipality} is 403 (all problem+json); a metrics viewer sees the municipalities of the token, summed when none is
 * asked for.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class AuthorizationMatrixTest {

    private static final String PROBLEM = "application/problem+json";
    private static final List<String> OTHER_ROLES = List.of(Roles.ADAPTER, Roles.AGENT, Roles.EDITOR, Roles.OPERATOR);
    private static final String PERIOD = "from=" + ScriptedDay.DAY + "&to=" + ScriptedDay.DAY;

    static Stream<String> endpoints() {
        return Stream.of("/api/v1/metrics/summary?" + PERIOD, "/api/v1/metrics/timeseries?" + PERIOD,
                "/api/v1/metrics/definitions", "/api/v1/metrics/municipalities");
    }

    /** The endpoints that take a municipality. */
    static Stream<String> municipalityEndpoints() {
        return Stream.of("/api/v1/metrics/summary?" + PERIOD, "/api/v1/metrics/timeseries?" + PERIOD);
    }

    /** Tokens that prove nothing, each of a viewer of GM0008 (only the defect named in the key may refuse them). */
    static Map<String, String> invalidTokens() {
        return TestTokens.spoiled(() -> TestTokens.as("intruder-m").roles(Roles.METRICS_VIEWER)
                .municipalities("0008").organisation("gemeente"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointAnswers401ProblemWithBearerChallenge(String endpoint) {
        Response r = given().get(endpoint);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anExpiredForeignMisaddressedTamperedOrStrangerSignedTokenIs401Everywhere(String endpoint) {
        invalidTokens().forEach((defect, token) -> {
            Response r = withToken(token).get(endpoint);
            assertThat(r.statusCode()).as("token %s", defect).isEqualTo(401);
            assertThat(r.contentType()).as("token %s", defect).startsWith(PROBLEM);
            assertThat(r.header("WWW-Authenticate")).as("token %s", defect).startsWith("Bearer");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aValidTokenWithoutTheMetricsViewerRoleIs403(String endpoint) {
        for (String role : OTHER_ROLES) {
            Response r = withToken(TestTokens.as("other-" + role).roles(role).teams("kcc").municipalities("0008")
                    .organisation("gemeente").sign()).get(endpoint);
            assertThat(r.statusCode()).as("role %s", role).isEqualTo(403);
            assertThat(r.contentType()).as("role %s", role).startsWith(PROBLEM);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("municipalityEndpoints")
    void aMunicipalityOutsideTheTokenIs403(String endpoint) {
        Response r = viewerOf("GM0008", "GM0009").get(endpoint + "&municipality=GM0001");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.body().asString()).doesNotContain("received");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("municipalityEndpoints")
    void aViewerWhoseTokenNamesNoMunicipalitySeesNoFigures(String endpoint) {
        Response r = withToken(TestTokens.as("viewer-nowhere").roles(Roles.METRICS_VIEWER).sign()).get(endpoint);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.contentType()).startsWith(PROBLEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aMetricsViewerGetsEveryEndpoint(String endpoint) {
        viewerOf("GM0008").get(endpoint).then().statusCode(200);
    }

    @Test
    void aRegionalViewerSeesTheSumOfItsMunicipalitiesOrOneOfThemAndListsOnlyThem() {
        ScriptedDay.events("GM0008", "matrix8").forEach(ScriptedDay.Sent::send);
        ScriptedDay.events("GM0009", "matrix9").forEach(ScriptedDay.Sent::send);
        ScriptedDayKpiTest.awaitDay("GM0008");
        ScriptedDayKpiTest.awaitDay("GM0009");

        JsonPath region = viewerOf("GM0008", "GM0009").get("/api/v1/metrics/summary?" + PERIOD).then().statusCode(200)
                .extract().jsonPath();
        assertThat(region.getLong("received")).isEqualTo(2L * ScriptedDay.Expected.RECEIVED);
        assertThat(region.getLong("directHandling.directlyHandled")).isEqualTo(2L * ScriptedDay.Expected.DIRECTLY_HANDLED);
        assertThat(region.getList("filters.municipalities")).containsExactly("GM0008", "GM0009");
        assertThat(region.getString("filters.municipality")).isNull();

        JsonPath series = viewerOf("GM0008", "GM0009").get("/api/v1/metrics/timeseries?" + PERIOD).then()
                .statusCode(200).extract().jsonPath();
        assertThat(series.getList("points.received", Integer.class)).containsExactly(2 * ScriptedDay.Expected.RECEIVED);

        JsonPath one = viewerOf("GM0008", "GM0009").get("/api/v1/metrics/summary?" + PERIOD + "&municipality=GM0009")
                .then().statusCode(200).extract().jsonPath();
        assertThat(one.getLong("received")).isEqualTo(ScriptedDay.Expected.RECEIVED);
        assertThat(one.getString("filters.municipality")).isEqualTo("GM0009");

        // the viewer of one municipality sees only that one, without asking for it
        JsonPath single = viewerOf("GM0008").get("/api/v1/metrics/summary?" + PERIOD).then().statusCode(200)
                .extract().jsonPath();
        assertThat(single.getLong("received")).isEqualTo(ScriptedDay.Expected.RECEIVED);
        assertThat(single.getString("filters.municipality")).isEqualTo("GM0008");

        assertThat(viewerOf("GM0008", "GM0009").get("/api/v1/metrics/municipalities").then().statusCode(200)
                .extract().jsonPath().getList("$", String.class)).containsExactly("GM0008", "GM0009");
        assertThat(Set.copyOf(viewerOf("GM0008").get("/api/v1/metrics/municipalities").then().statusCode(200)
                .extract().jsonPath().getList("$", String.class))).containsExactly("GM0008");
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

    @Test
    void theDashboardShellIsPublic() {
        given().get("/").then().statusCode(200);
        given().get("/dashboard.js").then().statusCode(200);
    }
}
