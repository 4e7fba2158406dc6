package nl.loket.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.privacy.Redactor;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * BSNs and IBANs a citizen typed in the subject or text are replaced by markers before intake stores or publishes the
 * contact: on contacts.received, in the stored receipt, in every answer and in the log only the markers appear; phone
 * numbers and e-mail addresses stay; {@code loket_intake_redactions_total} counts them.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "intake")
class FreeTextRedactionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String BSN_IN_TEXT = "111222333";
    static final String BSN_IN_SUBJECT = "123456782";
    static final String IBAN = "NL91 ABNA 0417 1643 00";
    /** Every way the numbers could show up in clear (none of them can occur in a UUID or a hex hash). */
    static final List<String> IN_CLEAR = List.of(BSN_IN_TEXT, BSN_IN_SUBJECT, "NL91", "ABNA", "0417 1643", "0417164300");
    static final String TEXT = "Mijn BSN is " + BSN_IN_TEXT + " en mijn rekening " + IBAN.toLowerCase()
            + ". Bel me op 06-12345678 of +31 20 123 4567, of mail jan@example.nl.";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
    @Inject
    AgroalDataSource dataSource;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
        // a line of our own proves the capture sees the application's log
        Logger.getLogger(FreeTextRedactionTest.class.getName()).info("capturing the log");
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    static String body() {
        return """
                {"municipality":"GM0363","channel":"WEB_FORM","subject":"Toeslag voor BSN %s","text":"%s",
                 "citizen":{"name":"Jan de Vries","email":"jan@example.nl","phone":"06 12345678"}}
                """.formatted(BSN_IN_SUBJECT, TEXT);
    }

    @Test
    void bsnAndIbanReachNeitherTopicNorDatabaseNorAnswerNorLogWhilePhoneAndEmailStay() throws Exception {
        double bsnsBefore = redactions("bsn");
        double ibansBefore = redactions("iban");
        String key = UUID.randomUUID().toString();

        String accepted = Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body()).post("/api/v1/contacts").then().statusCode(202).extract().asString();
        String contactId = io.restassured.path.json.JsonPath.from(accepted).getString("contactId");

        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key()), 1, WAIT).get(0);
        assertThat(EventSchemaValidator.instance().validate(ContactReceived.TYPE, record.value())).isEmpty();
        var event = io.vertx.core.json.Json.decodeValue(record.value(), io.vertx.core.json.JsonObject.class);
        assertThat(event.getString("subject")).isEqualTo("Toeslag voor BSN " + Redactor.BSN_MARKER);
        assertThat(event.getString("text")).isEqualTo("Mijn BSN is " + Redactor.BSN_MARKER + " en mijn rekening "
                + Redactor.IBAN_MARKER + ". Bel me op 06-12345678 of +31 20 123 4567, of mail jan@example.nl.");
        assertThat(event.getJsonObject("citizen").getString("phone")).isEqualTo("06 12345678");
        assertThat(event.getJsonObject("citizen").getString("email")).isEqualTo("jan@example.nl");

        String row = TestData.receiptRow(dataSource, contactId);
        assertThat(row).contains(Redactor.BSN_MARKER, Redactor.IBAN_MARKER, "06-12345678", "jan@example.nl");
        String receipt = Api.asAdapter(Api.WEBFORM).get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().asString();
        for (String clear : IN_CLEAR) {
            assertThat(record.value()).doesNotContainIgnoringCase(clear);
            assertThat(row).doesNotContainIgnoringCase(clear);
            assertThat(accepted).doesNotContainIgnoringCase(clear);
            assertThat(receipt).doesNotContainIgnoringCase(clear);
            assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContainIgnoringCase(clear));
        }
        assertThat(logged).contains("capturing the log");

        assertThat(redactions("bsn") - bsnsBefore).isEqualTo(2.0);
        assertThat(redactions("iban") - ibansBefore).isEqualTo(1.0);
    }

    @Test
    void aRetriedRequestIsRecognisedAndCountedOnceWhileAnotherNumberUnderTheSameKeyIs422() {
        String key = UUID.randomUUID().toString();
        String first = Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body()).post("/api/v1/contacts").then().statusCode(202).body("replayed", equalTo(false))
                .extract().path("contactId");
        double bsnsAfterFirst = redactions("bsn");

        Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body()).post("/api/v1/contacts").then().statusCode(202)
                .body("replayed", equalTo(true)).body("contactId", equalTo(first));
        assertThat(redactions("bsn")).isEqualTo(bsnsAfterFirst);

        // redacted alike, but not the body the adapter sent first
        Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body().replace(BSN_IN_TEXT, "999999990")).post("/api/v1/contacts").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void aSubjectGrownPastItsMaximumByAMarkerIsCutToFitTheContract() {
        String subject = "s".repeat(190) + " " + BSN_IN_TEXT; // 200 characters, 207 once redacted
        String contactId = Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON)
                .body(Map.of("municipality", "GM0363", "channel", "WEB_FORM", "subject", subject, "text", "Zie onderwerp"))
                .post("/api/v1/contacts").then().statusCode(202).extract().path("contactId");
        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key()), 1, WAIT).get(0);
        assertThat(EventSchemaValidator.instance().validate(ContactReceived.TYPE, record.value())).isEmpty();
        assertThat(io.vertx.core.json.Json.decodeValue(record.value(), io.vertx.core.json.JsonObject.class)
                .getString("subject")).isEqualTo("s".repeat(190) + " ");
    }

    private double redactions(String kind) {
        String text = RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
        return text.lines()
                .filter(l -> l.startsWith("loket_intake_redactions_total{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
