package nl.loket.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * The roles table of intake-service (README "Endpoints and roles"): the adapter's endpoints × {no token, expired, wrong
 * issuer, wrong audience, tampered, signed by a stranger} are 401 with {@code WWW-Authenticate: Bearer}; every role
 * but adapter, and an adapter token without {@code adapter_id}, is 403; an adapter naming another adapter's
 * {@code adapterId}, or setting {@code ivrChoice}/{@code deskTopic} without being configured for it, is 403; another
 * adapter's contact is 404 (its existence is not revealed). The operator's endpoints (data-subject requests, the
 * processing log) likewise 401 for every bad token and 403 for every role but operator (also an adapter with its
 * {@code adapter_id}). All problem+json. The adapter, and the operator, get their answer.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "intake")
class AuthorizationMatrixTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONTACTS = "/api/v1/contacts";
    private static final List<String> OTHER_ROLES = List.of(Roles.AGENT, Roles.EDITOR, Roles.METRICS_VIEWER,
            Roles.OPERATOR);
    private static final List<String> NOT_OPERATOR = List.of(Roles.ADAPTER, Roles.AGENT, Roles.EDITOR,
            Roles.METRICS_VIEWER);
    private static final String PRIVACY = "/api/v1/privacy";
    private static final String UNKNOWN_CITIZEN = "{\"citizenRef\":\"" + "0".repeat(64) + "\"}";

    /** A contact handed in by the web-form adapter, made once for the GET endpoint. */
    private static String webformContact;

    /** One endpoint; the contact of the GET is the web-form adapter's. */
    enum Endpoint {
        SUBMIT {
            @Override
            ValidatableResponse call(RequestSpecification spec) {
                return spec.contentType(ContentType.JSON).body(body(null)).post(CONTACTS).then();
            }
        },
        RECEIPT {
            @Override
            ValidatableResponse call(RequestSpecification spec) {
                return spec.get(CONTACTS + "/" + webformContact()).then();
            }
        };

        abstract ValidatableResponse call(RequestSpecification spec);
    }

    /** The operator's endpoints, called about a citizen intake holds nothing of. */
    enum OperatorEndpoint {
        CITIZEN_REF {
            @Override
            ValidatableResponse call(RequestSpecification spec) {
                return spec.contentType(ContentType.JSON).body("{\"bsn\":\"111222333\"}").post(PRIVACY + "/citizen-ref").then();
            }
        },
        INZAGE {
            @Override
            ValidatableResponse call(RequestSpecification spec) {
                return spec.contentType(ContentType.JSON).body(UNKNOWN_CITIZEN).post(PRIVACY + "/inzage").then();
            }
        },
        ERASURE {
            @Override
            ValidatableResponse call(RequestSpecification spec) {
                return spec.contentType(ContentType.JSON).body(UNKNOWN_CITIZEN).post(PRIVACY + "/erasure").then();
            }
        },
        PROCESSING_LOG {
            @Override
            ValidatableResponse call(RequestSpecification spec) {
                return spec.get("/api/v1/processing-log?limit=1").then();
            }
        };

        abstract ValidatableResponse call(RequestSpecification spec);
    }

    static String body(String extraField) {
        return "{\"municipality\":\"GM0363\",\"channel\":\"WEB_FORM\",\"text\":\"Wanneer wordt het grofvuil opgehaald?\""
                + (extraField == null ? "" : "," + extraField) + "}";
    }

    static synchronized String webformContact() {
        if (webformContact == null) {
            webformContact = Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).body(body(null)).post(CONTACTS)
                    .then().statusCode(202).extract().path("contactId");
        }
        return webformContact;
    }

    /** The web-form adapter's token, spoiled in every way the check must catch. */
    static Stream<Arguments> badTokens() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> TestTokens.spoiled(
                () -> TestTokens.as("service-account-adapter-webform").roles(Roles.ADAPTER).adapterId(Api.WEBFORM))
                .entrySet().stream().map(e -> Arguments.of(endpoint, e.getKey(), e.getValue())));
    }

    static Stream<Arguments> otherRoles() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> OTHER_ROLES.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} without a token is 401")
    @MethodSource("endpoints")
    void withoutATokenIs401(Endpoint endpoint) {
        unauthorized(endpoint.call(RestAssured.given()));
    }

    @ParameterizedTest(name = "{0} with a token {1} is 401")
    @MethodSource("badTokens")
    void withABadTokenIs401(Endpoint endpoint, String how, String token) {
        unauthorized(endpoint.call(Api.withToken(token)));
    }

    @ParameterizedTest(name = "{0} as {1} is 403")
    @MethodSource("otherRoles")
    void anotherRoleIs403EvenWithAnAdapterId(Endpoint endpoint, String role) {
        forbidden(endpoint.call(Api.withToken(TestTokens.as("someone").roles(role).adapterId(Api.WEBFORM).sign())));
    }

    @ParameterizedTest(name = "{0} with a token without roles is 403")
    @MethodSource("endpoints")
    void aTokenWithoutRolesIs403(Endpoint endpoint) {
        forbidden(endpoint.call(Api.withToken(TestTokens.as("nobody").adapterId(Api.WEBFORM).sign())));
    }

    @ParameterizedTest(name = "{0} as an adapter without adapter_id is 403")
    @MethodSource("endpoints")
    void anAdapterTokenWithoutAdapterIdIs403(Endpoint endpoint) {
        forbidden(endpoint.call(Api.withToken(TestTokens.as("service-account-x").roles(Roles.ADAPTER).sign())));
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(Endpoint.values());
    }

    @Test
    void theAdapterHandsInAContactAndReadsItsReceipt() {
        String id = Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).body(body("\"adapterId\":\"webform\""))
                .post(CONTACTS).then().statusCode(202).extract().path("contactId");
        Api.asAdapter(Api.WEBFORM).get(CONTACTS + "/" + id).then().statusCode(200).body("contactId", equalTo(id));
        Api.asAdapter(Api.WEBFORM).get(CONTACTS + "/" + webformContact()).then().statusCode(200);
    }

    @Test
    void anAdapterNamingAnotherAdapterIdIs403() {
        forbidden(Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).body(body("\"adapterId\":\"email\""))
                .post(CONTACTS).then())
                .body("detail", org.hamcrest.Matchers.containsString("not the signed-in adapter"));
    }

    @Test
    void anotherAdaptersContactIs404LikeAnUnknownOne() {
        String unknown = Api.asAdapter(Api.EMAIL).get(CONTACTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM).extract().asString();
        String others = Api.asAdapter(Api.EMAIL).get(CONTACTS + "/" + webformContact()).then().statusCode(404)
                .contentType(PROBLEM).body("status", equalTo(404)).extract().asString();
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(others.replaceAll(uuid, "ID")).isEqualTo(unknown.replaceAll(uuid, "ID"));
    }

    static Stream<Arguments> signalsOfOtherChannels() {
        return Stream.of(
                Arguments.of(Api.WEBFORM, "\"ivrChoice\":\"belastingen\""),
                Arguments.of(Api.WEBFORM, "\"deskTopic\":\"belastingen\""),
                Arguments.of(Api.EMAIL, "\"deskTopic\":\"kcc\""),
                Arguments.of(Api.COUNTER, "\"ivrChoice\":\"kcc\""),
                Arguments.of(Api.PHONE, "\"deskTopic\":\"sociaal-domein\""));
    }

    @ParameterizedTest(name = "{0} setting {1} is 403")
    @MethodSource("signalsOfOtherChannels")
    void anAdapterNotConfiguredForASignalMayNotSetIt(String adapter, String signal) {
        forbidden(Api.asAdapter(adapter).contentType(ContentType.JSON).body(body(signal)).post(CONTACTS).then())
                .body("detail", org.hamcrest.Matchers.containsString("may not set"));
    }

    @Test
    void thePhoneAdapterSetsIvrChoiceAndTheCounterAdapterDeskTopic() {
        Api.asAdapter(Api.PHONE).contentType(ContentType.JSON)
                .body(body("\"ivrChoice\":\"belastingen\",\"adapterId\":\"phone\"")).post(CONTACTS).then().statusCode(202);
        Api.asAdapter(Api.COUNTER).contentType(ContentType.JSON).body(body("\"deskTopic\":\"sociaal-domein\""))
                .post(CONTACTS).then().statusCode(202);
    }

    static Stream<Arguments> badOperatorTokens() {
        return Stream.of(OperatorEndpoint.values()).flatMap(endpoint -> TestTokens.spoiled(
                () -> TestTokens.as("operator-a").roles(Roles.OPERATOR)).entrySet().stream()
                .map(e -> Arguments.of(endpoint, e.getKey(), e.getValue())));
    }

    static Stream<Arguments> notOperator() {
        return Stream.of(OperatorEndpoint.values())
                .flatMap(endpoint -> NOT_OPERATOR.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} without a token is 401")
    @EnumSource(OperatorEndpoint.class)
    void anOperatorEndpointWithoutATokenIs401(OperatorEndpoint endpoint) {
        unauthorized(endpoint.call(RestAssured.given()));
    }

    @ParameterizedTest(name = "{0} with a token {1} is 401")
    @MethodSource("badOperatorTokens")
    void anOperatorEndpointWithABadTokenIs401(OperatorEndpoint endpoint, String how, String token) {
        unauthorized(endpoint.call(Api.withToken(token)));
    }

    @ParameterizedTest(name = "{0} as {1} is 403")
    @MethodSource("notOperator")
    void anOperatorEndpointForAnotherRoleIs403(OperatorEndpoint endpoint, String role) {
        forbidden(endpoint.call(Api.withToken(TestTokens.as("someone").roles(role).adapterId(Api.WEBFORM)
                .teams("kcc").municipalities("GM0363").sign())));
    }

    @ParameterizedTest(name = "{0} with a token without roles is 403")
    @EnumSource(OperatorEndpoint.class)
    void anOperatorEndpointForATokenWithoutRolesIs403(OperatorEndpoint endpoint) {
        forbidden(endpoint.call(Api.withToken(TestTokens.as("nobody").sign())));
    }

    @ParameterizedTest(name = "{0} as operator is 200")
    @EnumSource(OperatorEndpoint.class)
    void theOperatorGetsTheAnswer(OperatorEndpoint endpoint) {
        endpoint.call(Api.asOperator("operator-a")).statusCode(200).contentType(ContentType.JSON);
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }

    private static ValidatableResponse forbidden(ValidatableResponse response) {
        return response.statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }
}
