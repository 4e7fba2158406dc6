package nl.loket.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.Fixtures;
import nl.loket.workspace.WithFakeServices;

/** Counter and phone registration: first-line agents only, as the channel's adapter, decision and answer at once. */
@QuarkusTest
@WithFakeServices
class RegistrationTest {

    static final String BSN = "111222333";
    static final String COUNTER_CONTACT = """
            {"channel":"COUNTER","municipality":"GM0363","subject":"WOZ","text":"Ik ben het niet eens met mijn WOZ-waarde",
             "deskTopic":"belastingen","citizen":{"name":"Jan Jansen","phone":"0612345678"},"bsn":"%s"}""".formatted(BSN);

    String kccAgent = TestTokens.agent("agent-a", "kcc");

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
        FakeServices.answer("POST", "/api/v1/routing/preview", 200, """
                {"tier":"CHAIN_TEAM","teamId":"belastingen","reason":"Doorgezet naar Belastingen: bezwaar tegen de WOZ-waarde",
                 "confidence":0.87,"rule":"R7","productName":"WOZ-beschikking","articleId":"art-7","policyName":"default",
                 "policyVersion":1}""");
        FakeServices.answer("POST", "/api/v1/contacts", 202,
                "{\"contactId\":\"c-new\",\"receivedAt\":\"2026-03-10T09:00:00Z\",\"replayed\":false}");
        FakeServices.answer("GET", "/api/v1/articles/art-7", 200, Fixtures.article("art-7"));
    }

    @Test
    void aCounterContactGoesToIntakeAsTheCounterAdapterAndAnswersWithTheDecisionAndTheAnswer() {
        given().auth().oauth2(kccAgent).contentType(ContentType.JSON).header("Idempotency-Key", "reg-1")
                .body(COUNTER_CONTACT).post("/api/registrations").then().statusCode(202)
                .body("contactId", equalTo("c-new"))
                .body("decision.teamId", equalTo("belastingen"))
                .body("decision.teamName", equalTo("Belastingen"))
                .body("decision.reason", equalTo("Doorgezet naar Belastingen: bezwaar tegen de WOZ-waarde"))
                .body("decision.confidence", equalTo(0.87f))
                .body("decision.tier", equalTo("CHAIN_TEAM"))
                .body("answer.id", equalTo("art-7"))
                .body("ownTeam", equalTo(false))
                .body(not(containsString(BSN)));

        assertThat(FakeServices.received("POST", "/api/v1/contacts")).singleElement().satisfies(r -> {
            assertThat(r.authorization()).startsWith("Bearer ").isNotEqualTo("Bearer " + kccAgent);
            assertThat(claims(r.authorization())).contains("\"adapter_id\":\"counter\"");
            assertThat(r.body()).contains("\"channel\":\"COUNTER\"", "\"bsn\":\"" + BSN + "\"",
                    "\"deskTopic\":\"belastingen\"", "\"municipality\":\"GM0363\"");
            assertThat(r.idempotencyKey()).startsWith("werkplek-").doesNotContain("reg-1");
        });
        assertThat(FakeServices.received("POST", "/api/v1/routing/preview")).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + kccAgent);
            assertThat(r.body()).contains("\"channel\":\"COUNTER\"").doesNotContain(BSN).doesNotContain("Jan Jansen");
        });
    }

    @Test
    void theSameIdempotencyKeyOfTheSameAgentReachesIntakeAsTheSameKey() {
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(kccAgent).contentType(ContentType.JSON).header("Idempotency-Key", "reg-2")
                    .body(COUNTER_CONTACT).post("/api/registrations").then().statusCode(202);
        }
        var keys = FakeServices.received("POST", "/api/v1/contacts").stream().map(FakeServices.Received::idempotencyKey)
                .distinct().toList();
        assertThat(keys).hasSize(1);
    }

    @Test
    void aPhoneContactGoesAsThePhoneAdapterAndOwnTeamSaysTheAgentCanSettleIt() {
        FakeServices.answer("POST", "/api/v1/routing/preview", 200, """
                {"tier":"FIRST_LINE","teamId":"kcc","reason":"Direct te beantwoorden door het KCC","confidence":0.95,
                 "productName":"Paspoort","articleId":"art-7"}""");

        given().auth().oauth2(kccAgent).contentType(ContentType.JSON)
                .body("{\"channel\":\"PHONE\",\"municipality\":\"GM0363\",\"text\":\"Hoe vraag ik een paspoort aan?\"}")
                .post("/api/registrations").then().statusCode(202)
                .body("ownTeam", equalTo(true)).body("decision.teamName", equalTo("Klant Contact Centrum"));

        assertThat(FakeServices.received("POST", "/api/v1/contacts")).singleElement().satisfies(r -> {
            assertThat(claims(r.authorization())).contains("\"adapter_id\":\"phone\"");
            assertThat(r.body()).contains("\"channel\":\"PHONE\"").doesNotContain("citizen");
        });
    }

    @Test
    void anAgentOfNoFirstLineTeamMayNotRegister() {
        given().auth().oauth2(TestTokens.agent("agent-b", "belastingen")).contentType(ContentType.JSON)
                .body(COUNTER_CONTACT).post("/api/registrations").then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Alleen medewerkers van het KCC registreren contacten"));

        assertThat(FakeServices.received("POST", "/api/v1/contacts")).isEmpty();
        assertThat(FakeServices.received("POST", "/api/v1/routing/preview")).isEmpty();
    }

    @Test
    void aContactOfAnotherMunicipalityOrChannelIsRefused() {
        given().auth().oauth2(kccAgent).contentType(ContentType.JSON)
                .body(COUNTER_CONTACT.replace("GM0363", "GM0599")).post("/api/registrations").then().statusCode(403);
        given().auth().oauth2(kccAgent).contentType(ContentType.JSON)
                .body(COUNTER_CONTACT.replace("COUNTER", "EMAIL")).post("/api/registrations").then().statusCode(400);
        given().auth().oauth2(kccAgent).contentType(ContentType.JSON)
                .body(COUNTER_CONTACT.replace("COUNTER", "PHONE")).post("/api/registrations").then().statusCode(400);
        given().auth().oauth2(kccAgent).contentType(ContentType.JSON)
                .body(COUNTER_CONTACT.replace(BSN, "12345")).post("/api/registrations").then().statusCode(400)
                .body(not(containsString("12345")));

        assertThat(FakeServices.received("POST", "/api/v1/contacts")).isEmpty();
    }

    @Test
    void intakesRefusalPassesThroughWithItsFieldErrors() {
        FakeServices.answer("POST", "/api/v1/contacts", 400, """
                {"type":"urn:loket:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"1 invalid field(s)","errors":[{"field":"citizen.bsn","message":"must be a valid BSN"}]}""");

        given().auth().oauth2(kccAgent).contentType(ContentType.JSON).body(COUNTER_CONTACT)
                .post("/api/registrations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("citizen.bsn"))
                .body(not(containsString(BSN)));
    }

    /** The payload of a bearer JWT, as text. */
    static String claims(String authorization) {
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }
}
