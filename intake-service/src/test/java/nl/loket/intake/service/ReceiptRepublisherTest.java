package nl.loket.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * Receipts left PENDING are re-published with their original event id. The real broker is made to refuse
 * contacts.received (topic config {@code max.message.bytes} below the size of any contact: every send fails with
 * RECORD_TOO_LARGE and nothing is appended), then to accept it again.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "intake")
class ReceiptRepublisherTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String BODY = """
            {"municipality":"GM0363","channel":"WEB_FORM","text":"Mijn aanvraag, terwijl de broker weigert",
             "citizen":{"bsn":"111222333"}}
            """;

    /** The web-form adapter hands the contacts in. */
    static final String ADAPTER = "webform";

    /** /q/metrics on the management interface (the value is relative to its root path /q). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    ReceiptRepublisher republisher;

    static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + TestTokens.adapter(ADAPTER));
    }

    @AfterEach
    void brokerAcceptsAgain() {
        brokerRefusesContacts(false);
    }

    @Test
    void contactAnswered503IsRepublishedOnceWithItsOriginalEventIdWhenTheBrokerIsBack() throws SQLException {
        brokerRefusesContacts(true);
        AtomicReference<String> refusedKey = new AtomicReference<>();
        // the broker applies the topic config asynchronously: the first refused contact is the one to follow
        await().atMost(WAIT).until(() -> {
            String key = UUID.randomUUID().toString();
            int status = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(BODY).post("/api/v1/contacts").statusCode();
            refusedKey.set(key);
            return status == 503;
        });
        Map<String, Object> receipt = receiptByKey("key:" + refusedKey.get());
        String contactId = (String) receipt.get("contact_id");
        String eventId = (String) receipt.get("event_id");
        assertThat(receipt.get("status")).isEqualTo("PENDING");
        given().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));

        // a round that tries while the broker still refuses leaves it PENDING (a round claims every eligible receipt)
        Instant eligible = ((Instant) receipt.get("accepted_at")).plus(Duration.ofSeconds(8));
        await().atMost(WAIT).until(() -> Instant.now().isAfter(eligible));
        double failedBefore = failedRepublications();
        await().atMost(WAIT).until(() -> failedRepublications() > failedBefore);
        assertThat(receiptByKey("key:" + refusedKey.get()).get("status")).isEqualTo("PENDING");

        brokerRefusesContacts(false);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED")));

        List<TopicClient.ReadRecord> copies = TopicClient.readAll(Topics.CONTACTS_RECEIVED, WAIT).stream()
                .filter(r -> contactId.equals(r.key())).toList();
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).header("ce_id")).isEqualTo(eventId);
        assertThat(copies.get(0).header("ce_subject")).isEqualTo(contactId);

        // the adapter's retry with the same key now learns the contact id, and nothing is published again
        given().contentType(ContentType.JSON).header("Idempotency-Key", refusedKey.get())
                .body(BODY).post("/api/v1/contacts")
                .then().statusCode(202).body("contactId", org.hamcrest.Matchers.equalTo(contactId))
                .body("replayed", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void receiptsLeftPendingByACrashArePublishedExactlyOnceByCompetingRounds() throws Exception {
        Map<String, String> eventIdByContact = new java.util.HashMap<>();
        for (int i = 0; i < 250; i++) {
            String contactId = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            insertPending(contactId, eventId, Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS));
            eventIdByContact.put(contactId, eventId);
        }
        // two more "replicas" beside the scheduled rounds, each going on until nothing is left for it
        List<CompletableFuture<Integer>> replicas = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            replicas.add(CompletableFuture.supplyAsync(this::republishUntilNothingLeft));
        }
        for (CompletableFuture<Integer> replica : replicas) {
            replica.get(2, TimeUnit.MINUTES);
        }
        await().atMost(WAIT).until(() -> countPending(eventIdByContact.keySet()) == 0);

        List<TopicClient.ReadRecord> records = TopicClient.readAll(Topics.CONTACTS_RECEIVED, WAIT).stream()
                .filter(r -> eventIdByContact.containsKey(r.key())).toList();
        Map<String, List<TopicClient.ReadRecord>> byContact = records.stream()
                .collect(Collectors.groupingBy(TopicClient.ReadRecord::key));
        assertThat(byContact).hasSize(eventIdByContact.size());
        byContact.forEach((contactId, copies) -> {
            assertThat(copies).as("copies of %s", contactId).hasSize(1);
            assertThat(copies.get(0).header("ce_id")).isEqualTo(eventIdByContact.get(contactId));
        });
    }

    private int republishUntilNothingLeft() {
        int total = 0;
        try {
            int published;
            do {
                published = VertxContextSupport.subscribeAndAwait(() -> republisher.republishOnce());
                total += published;
            } while (published > 0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return total;
    }

    private double failedRepublications() {
        String text = RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
        return text.lines()
                .filter(l -> l.startsWith("loket_intake_republish_attempts_total") && l.contains("outcome=\"failed\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private void insertPending(String contactId, String eventId, Instant acceptedAt) throws Exception {
        ContactReceived event = new ContactReceived(contactId, "GM0363", Channel.EMAIL, acceptedAt, acceptedAt, null,
                "Verstuurd vlak voor een herstart", "nl", null, null, null, null, null, null, null, null);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into contact_receipt (contact_id, adapter_id, idempotency_key, request_hash, event_id, received_at,"
                        + " accepted_at, status, event_data) values (?, 'email', null, 'test', ?, ?, ?, 'PENDING', ?::jsonb)")) {
            insert.setString(1, contactId);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(acceptedAt));
            insert.setTimestamp(4, Timestamp.from(acceptedAt));
            insert.setString(5, json.writeValueAsString(event));
            insert.executeUpdate();
        }
    }

    private long countPending(java.util.Collection<String> contactIds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select count(*) from contact_receipt where status = 'PENDING' and contact_id = any (?)")) {
            query.setArray(1, c.createArrayOf("varchar", contactIds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, Object> receiptByKey(String idempotencyKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select contact_id, event_id, status, accepted_at from contact_receipt where adapter_id = ? and idempotency_key = ?")) {
            query.setString(1, ADAPTER);
            query.setString(2, idempotencyKey);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("receipt for %s", idempotencyKey).isTrue();
                return Map.of("contact_id", rs.getString(1), "event_id", rs.getString(2), "status", rs.getString(3),
                        "accepted_at", rs.getTimestamp(4).toInstant());
            }
        }
    }

    /** Sets max.message.bytes of contacts.received below any contact's size, or removes that override. */
    static void brokerRefusesContacts(boolean refuse) {
        try (Admin admin = Admin.create(KafkaTestResource.adminClientProperties())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONTACTS_RECEIVED);
            AlterConfigOp op = refuse
                    ? new AlterConfigOp(new ConfigEntry("max.message.bytes", "64"), AlterConfigOp.OpType.SET)
                    : new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not change max.message.bytes of " + Topics.CONTACTS_RECEIVED, e);
        }
    }
}
