package nl.loket.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.privacy.Redactor;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * The operator's data-subject requests: a BSN becomes the citizen reference contacts carry; inzage lists what intake
 * holds of that citizen's contacts; erasure removes their personal fields (also from a PENDING contact, which is
 * published without them). Invalid input is 400 without its value; every request is in the processing log.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "intake")
class PrivacyResourceTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    static String contact(String bsn, String text) {
        return """
                {"municipality":"GM0344","channel":"EMAIL","subject":"Afvalpas","text":"%s",
                 "citizen":{"bsn":"%s","name":"Fatima el Amrani","email":"fatima@example.nl","phone":"06 98765432"}}
                """.formatted(text, bsn);
    }

    static String handIn(String body) {
        return Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(202).extract().path("contactId");
    }

    static ValidatableResponse post(String operator, String path, Object body, String requestId) {
        var spec = Api.asOperator(operator).contentType(ContentType.JSON).body(body);
        if (requestId != null) {
            spec.header("X-Loket-Request-Id", requestId);
        }
        return spec.post(path).then();
    }

    static String citizenRef(String bsn) {
        return post("op-lookup", "/api/v1/privacy/citizen-ref", Map.of("bsn", bsn), null).statusCode(200)
                .extract().path("citizenRef");
    }

    static ValidatableResponse processingLog(String query) {
        return Api.asOperator("op-audit").get("/api/v1/processing-log?" + query).then().statusCode(200);
    }

    @Test
    void theCitizenRefOfABsnIsTheOneOnContactsReceivedAndTheLookupIsLoggedWithoutAContact() {
        String bsn = TestData.randomBsn();
        String contactId = handIn(contact(bsn, "Waar haal ik een afvalpas?"));
        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key()), 1, WAIT).get(0);
        String onTopic = Json.decodeValue(record.value(), JsonObject.class).getJsonObject("citizen").getString("citizenRef");

        String operator = "op-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        String answer = post(operator, "/api/v1/privacy/citizen-ref", Map.of("bsn", bsn), requestId).statusCode(200)
                .body("citizenRef", equalTo(onTopic)).extract().asString();
        assertThat(answer).doesNotContain(bsn);

        processingLog("actor=" + operator).body("", hasSize(1))
                .body("[0].purpose", equalTo("SUBJECT_ACCESS"))
                .body("[0].endpoint", equalTo("POST /api/v1/privacy/citizen-ref"))
                .body("[0].requestId", equalTo(requestId))
                .body("[0].contactId", nullValue())
                .body("[0].roles", equalTo("operator"));
    }

    @Test
    void anInvalidBsnIs400WithoutEchoingIt() {
        for (String bad : List.of("123456789", "11122233", "1112223334", "11122233a", "111 222 333")) {
            String answer = post("op-typo", "/api/v1/privacy/citizen-ref", Map.of("bsn", bad), null)
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("bsn")).extract().asString();
            assertThat(answer).as("answer to %s", bad).doesNotContain(bad).doesNotContain(bad.replace(" ", ""));
        }
        post("op-typo", "/api/v1/privacy/citizen-ref", "{}", null).statusCode(400).body("errors.field", contains("bsn"));
    }

    @Test
    void aCitizenRefThatIsNoneIs400WithoutEchoingIt() {
        for (String path : List.of("/api/v1/privacy/inzage", "/api/v1/privacy/erasure")) {
            String answer = post("op-typo", path, Map.of("citizenRef", "111222333"), null).statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("citizenRef"))
                    .extract().asString();
            assertThat(answer).doesNotContain("111222333");
        }
        post("op-typo", "/api/v1/privacy/inzage", Map.of("citizenRef", "a".repeat(64)), "has spaces in it")
                .statusCode(400).body("errors.field", contains("X-Loket-Request-Id"));
    }

    @Test
    void inzageListsWhatIntakeHoldsOfEveryContactOfTheCitizenAndLogsEachRead() {
        String bsn = TestData.randomBsn();
        String first = handIn(contact(bsn, "Mijn afvalpas is kwijt"));
        String second = handIn(contact(bsn, "Nog steeds geen nieuwe afvalpas"));
        String someoneElse = handIn(contact(TestData.randomBsn(), "Andere burger"));
        String ref = citizenRef(bsn);
        String requestId = "req-" + UUID.randomUUID();

        post("op-inzage", "/api/v1/privacy/inzage", Map.of("citizenRef", ref), requestId).statusCode(200)
                .body("service", equalTo("intake-service"))
                .body("contacts.contactId", containsInAnyOrder(first, second))
                .body("contacts.find { it.contactId == '%s' }.text".formatted(first), equalTo("Mijn afvalpas is kwijt"))
                .body("contacts[0].subject", equalTo("Afvalpas"))
                .body("contacts[0].municipality", equalTo("GM0344"))
                .body("contacts[0].channel", equalTo("EMAIL"))
                .body("contacts[0].status", equalTo("PUBLISHED"))
                .body("contacts[0].receivedAt", org.hamcrest.Matchers.notNullValue())
                .body("contacts[0].citizen.name", equalTo("Fatima el Amrani"))
                .body("contacts[0].citizen.email", equalTo("fatima@example.nl"))
                .body("contacts[0].citizen.phone", equalTo("06 98765432"));

        for (String contactId : List.of(first, second)) {
            processingLog("contactId=" + contactId).body("", hasSize(1))
                    .body("[0].actor", equalTo("op-inzage"))
                    .body("[0].organisation", equalTo("gemeente"))
                    .body("[0].purpose", equalTo("SUBJECT_ACCESS"))
                    .body("[0].endpoint", equalTo("POST /api/v1/privacy/inzage"))
                    .body("[0].requestId", equalTo(requestId));
        }
        processingLog("contactId=" + someoneElse).body("", empty());
    }

    @Test
    void inzageOfACitizenIntakeHoldsNothingOfAnswersNoContactsAndIsLoggedOnce() {
        String operator = "op-" + UUID.randomUUID();
        post(operator, "/api/v1/privacy/inzage", Map.of("citizenRef", citizenRef(TestData.randomBsn())), null)
                .statusCode(200).body("service", equalTo("intake-service")).body("contacts", empty());
        processingLog("actor=" + operator + "&purpose=SUBJECT_ACCESS").body("", hasSize(1))
                .body("[0].contactId", nullValue()).body("[0].requestId", nullValue());
    }

    @Test
    void erasureRemovesThePersonalFieldsKeepsTheFactsAndASecondRequestErasesNothingMore() throws Exception {
        String bsn = TestData.randomBsn();
        String key = UUID.randomUUID().toString();
        String body = contact(bsn, "Bel me over mijn afvalpas");
        String first = Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contacts").then().statusCode(202).extract().path("contactId");
        String second = handIn(contact(bsn, "Tweede vraag"));
        String ref = citizenRef(bsn);
        String requestId = "req-" + UUID.randomUUID();

        post("op-erasure", "/api/v1/privacy/erasure", Map.of("citizenRef", ref), requestId).statusCode(200)
                .body("service", equalTo("intake-service"))
                .body("erased", containsInAnyOrder(first, second));

        for (String contactId : List.of(first, second)) {
            JsonObject stored = new JsonObject(TestData.eventData(dataSource, contactId));
            assertThat(stored.fieldNames()).doesNotContain("subject", "citizen");
            assertThat(stored.getString("text")).isEqualTo(Redactor.ERASED_MARKER);
            assertThat(stored.getString("contactId")).isEqualTo(contactId);
            assertThat(stored.getString("municipality")).isEqualTo("GM0344");
            assertThat(stored.getString("channel")).isEqualTo("EMAIL");
            assertThat(stored.getString("receivedAt")).isNotBlank();
            assertThat(TestData.receiptRow(dataSource, contactId))
                    .doesNotContain(ref, "Fatima", "fatima@example.nl", "98765432", "Afvalpas", "afvalpas", "Tweede vraag");
            processingLog("contactId=" + contactId + "&purpose=SUBJECT_ERASURE").body("", hasSize(1))
                    .body("[0].actor", equalTo("op-erasure"))
                    .body("[0].endpoint", equalTo("POST /api/v1/privacy/erasure"))
                    .body("[0].requestId", equalTo(requestId));
        }

        String operator = "op-" + UUID.randomUUID();
        post(operator, "/api/v1/privacy/erasure", Map.of("citizenRef", ref), null).statusCode(200).body("erased", empty());
        post(operator, "/api/v1/privacy/inzage", Map.of("citizenRef", ref), null).statusCode(200).body("contacts", empty());
        processingLog("actor=" + operator).body("purpose", containsInAnyOrder("SUBJECT_ERASURE", "SUBJECT_ACCESS"))
                .body("contactId", contains(nullValue(), nullValue()));

        // the adapter's retry of the erased contact is still recognised as the same request
        Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contacts").then().statusCode(202)
                .body("replayed", equalTo(true)).body("contactId", equalTo(first));
    }

    @Test
    void aPendingContactErasedBeforeItIsOnKafkaIsPublishedWithoutItsPersonalFieldsAndStillValid() throws Exception {
        String ref = citizenRef(TestData.randomBsn());
        String contactId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContactReceived event = new ContactReceived(contactId, "GM0363", Channel.PHONE, now, now, "Parkeren",
                "Mijn vergunning voor de Keizersgracht 12", "nl", new CitizenDetails(ref, "Piet Jansen",
                        "piet@example.nl", "06 11112222"),
                null, null, null, null, null, "phone", null);
        // accepted "in an hour": no re-publishing round takes it before the erasure
        insertPending(contactId, event, now.plus(Duration.ofHours(1)));

        post("op-erasure", "/api/v1/privacy/erasure", Map.of("citizenRef", ref), null).statusCode(200)
                .body("erased", contains(contactId));
        makeEligibleForRepublishing(contactId);

        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key()), 1, WAIT).get(0);
        JsonObject published = new JsonObject(record.value());
        assertThat(published.fieldNames()).doesNotContain("subject", "citizen");
        // the contract requires a text: the erasure marker, so that routing still routes and metrics counts it
        assertThat(published.getString("text")).isEqualTo(Redactor.ERASED_MARKER);
        assertThat(EventSchemaValidator.instance().validate(ContactReceived.TYPE, record.value())).isEmpty();
        assertThat(published.getString("municipality")).isEqualTo("GM0363");
        assertThat(published.getString("channel")).isEqualTo("PHONE");
        assertThat(record.value()).doesNotContain(ref, "Piet", "piet@example.nl", "11112222", "Keizersgracht", "Parkeren");
        Api.asAdapter(Api.PHONE).get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
    }

    private void insertPending(String contactId, ContactReceived event, Instant acceptedAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into contact_receipt (contact_id, adapter_id, idempotency_key, request_hash, event_id, received_at,"
                        + " accepted_at, status, event_data) values (?, 'phone', null, 'test', ?, ?, ?, 'PENDING', ?::jsonb)")) {
            insert.setString(1, contactId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setTimestamp(3, Timestamp.from(event.receivedAt()));
            insert.setTimestamp(4, Timestamp.from(acceptedAt));
            insert.setString(5, json.writeValueAsString(event));
            insert.executeUpdate();
        }
    }

    private void makeEligibleForRepublishing(String contactId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update contact_receipt set accepted_at = ? where contact_id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(2))));
            update.setString(2, contactId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
