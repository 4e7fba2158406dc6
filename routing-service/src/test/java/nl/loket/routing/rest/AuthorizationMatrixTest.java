package nl.loket.routing.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.routing.Api;
import nl.loket.routing.KnowledgeTopicsResource;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * The roles table of routing-service (README "Endpoints and roles"): POST /api/v1/routing/preview × {no token,
 * expired, wrong issuer, wrong audience, tampered, signed by a stranger} is 401 with {@code WWW-Authenticate: Bearer},
 * the roles adapter, metrics-viewer and operator (and none) are 403, both problem+json; agent and editor get the
 * preview. The operator's endpoints (POST /api/v1/privacy/inzage and /erasure, GET /api/v1/processing-log, GET
 * /api/v1/routing/models, POST /api/v1/routing/models/train): 401 in
 * the same ways, 403 for every other role and none, 200 for the operator. /q/* is only on the management interface.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class AuthorizationMatrixTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PREVIEW = "/api/v1/routing/preview";
    private static final String INZAGE = "/api/v1/privacy/inzage";
    private static final String ERASURE = "/api/v1/privacy/erasure";
    private static final String PROCESSING_LOG = "/api/v1/processing-log";
    private static final String MODELS = "/api/v1/routing/models";
    private static final String TRAIN = "/api/v1/routing/models/train";
    /** A well-formed reference of no routed contact. */
    private static final String UNKNOWN_CITIZEN = "0".repeat(64);
    private static final Map<String, Object> CONTACT = Map.of("municipality", "GM0363", "channel", "WEB_FORM",
            "text", "Hoe vraag ik een nieuw paspoort aan?", "language", "nl");

    @Inject
    KnowledgeView view;

    @BeforeEach
    void viewCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    private static ValidatableResponse preview(RequestSpecification spec) {
        return spec.contentType(ContentType.JSON).body(CONTACT).post(PREVIEW).then();
    }

    /** The operator's endpoints, each called with a valid request. */
    static Stream<String> operatorEndpoints() {
        return Stream.of(INZAGE, ERASURE, PROCESSING_LOG, MODELS, TRAIN);
    }

    private static ValidatableResponse call(String endpoint, RequestSpecification spec) {
        if (endpoint.equals(PROCESSING_LOG)) {
            return spec.get(PROCESSING_LOG + "?limit=1").then();
        }
        if (endpoint.equals(MODELS)) {
            return spec.get(MODELS).then();
        }
        if (endpoint.equals(TRAIN)) {
            return spec.contentType(ContentType.JSON).body(Map.of("seed", 1)).post(TRAIN).then();
        }
        return spec.contentType(ContentType.JSON).body(Map.of("citizenRef", UNKNOWN_CITIZEN)).post(endpoint).then();
    }

    static Stream<Arguments> operatorEndpointsWithBadTokens() {
        return operatorEndpoints().flatMap(endpoint -> badTokens().map(bad -> Arguments.of(endpoint, bad.get()[0],
                bad.get()[1])));
    }

    static Stream<Arguments> operatorEndpointsWithOtherRoles() {
        return operatorEndpoints().flatMap(endpoint -> Stream.of(Roles.ADAPTER, Roles.AGENT, Roles.EDITOR,
                Roles.METRICS_VIEWER).map(role -> Arguments.of(endpoint, role)));
    }

    /** An agent's token, spoiled in every way the check must catch. */
    static Stream<Arguments> badTokens() {
        return TestTokens.spoiled(() -> TestTokens.as("agent-r").roles(Roles.AGENT).teams("kcc").municipalities("GM0363"))
                .entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void withoutATokenIs401() {
        unauthorized(preview(RestAssured.given()));
    }

    @ParameterizedTest(name = "a token {0} is 401")
    @MethodSource("badTokens")
    void withABadTokenIs401(String how, String token) {
        unauthorized(preview(Api.withToken(token)));
    }

    @ParameterizedTest(name = "as {0} is 403")
    @ValueSource(strings = { Roles.ADAPTER, Roles.METRICS_VIEWER, Roles.OPERATOR })
    void anotherRoleIs403(String role) {
        forbidden(preview(Api.withToken(TestTokens.as("someone").roles(role).adapterId("webform").teams("kcc").sign())));
    }

    @Test
    void aTokenWithoutRolesIs403() {
        forbidden(preview(Api.withToken(TestTokens.as("nobody").teams("kcc").sign())));
    }

    @Test
    void anAgentGetsThePreview() {
        preview(Api.asAgent()).statusCode(200).body("teamId", notNullValue());
    }

    @Test
    void anEditorGetsThePreview() {
        preview(Api.asEditor()).statusCode(200).body("teamId", notNullValue());
    }

    @ParameterizedTest(name = "{0} without a token is 401")
    @MethodSource("operatorEndpoints")
    void operatorEndpointsWithoutATokenAre401(String endpoint) {
        unauthorized(call(endpoint, RestAssured.given()));
    }

    @ParameterizedTest(name = "{0} with a token {1} is 401")
    @MethodSource("operatorEndpointsWithBadTokens")
    void operatorEndpointsWithABadTokenAre401(String endpoint, String how, String token) {
        unauthorized(call(endpoint, Api.withToken(token)));
    }

    @ParameterizedTest(name = "{0} as {1} is 403")
    @MethodSource("operatorEndpointsWithOtherRoles")
    void operatorEndpointsForAnotherRoleAre403(String endpoint, String role) {
        forbidden(call(endpoint, Api.withToken(TestTokens.as("someone").roles(role).adapterId("webform").teams("kcc")
                .municipalities("GM0363").sign())));
    }

    @ParameterizedTest(name = "{0} without roles is 403")
    @MethodSource("operatorEndpoints")
    void operatorEndpointsForATokenWithoutRolesAre403(String endpoint) {
        forbidden(call(endpoint, Api.withToken(TestTokens.as("nobody").teams("kcc").sign())));
    }

    @ParameterizedTest(name = "{0} as operator is 200")
    @MethodSource("operatorEndpoints")
    void anOperatorMayCallTheOperatorEndpoints(String endpoint) {
        call(endpoint, Api.withToken(TestTokens.as("operator-m").roles(Roles.OPERATOR).sign())).statusCode(200);
    }

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            RestAssured.given().get(path).then().statusCode(404);
        }
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }
}
