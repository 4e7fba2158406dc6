package nl.loket.chainteam;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.restassured.specification.RequestSpecification;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.oidc.TestTokens;

/** Test helpers: access tokens of the test OpenID provider, assignments on team topics, lifecycle records. */
public final class TestSupport {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private TestSupport() {
    }

    /** A valid access token of an agent ({@code member}) of {@code organisation} in {@code teams}. */
    public static String token(String member, String organisation, String... teams) {
        return TestTokens.as(member).roles(Roles.AGENT).organisation(organisation).teams(teams).municipalities("0363")
                .sign();
    }

    /** A valid access token of an operator ({@code member}) of {@code organisation}. */
    public static String operator(String member, String organisation) {
        return TestTokens.as(member).roles(Roles.OPERATOR).organisation(organisation).sign();
    }

    /** The processing log as an operator reads it ({@code GET /api/v1/processing-log?<query>}), newest first. */
    public static List<Map<String, Object>> processingLog(String query) {
        return as(operator("log-reader", "gemeente")).get("/api/v1/processing-log?" + query).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static String newContactId() {
        return "c-" + UUID.randomUUID();
    }

    public static ContactAssigned assigned(String contactId, String teamId, Tier tier, int hop, Channel channel,
            Instant receivedAt, HandlingTerm term, String previousTeamId) {
        return new ContactAssigned(contactId, teamId, tier, hop, "0363", channel, receivedAt, "Vraag",
                "Mijn container is niet geleegd", "nl",
                new CitizenDetails("a".repeat(64), "J. Jansen", "j.jansen@example.nl", "0612345678"), null,
                "http://standaarden.overheid.nl/owms/terms/afvalcontainer", "Afvalcontainer", null, term,
                "test routing", 0.9, previousTeamId, previousTeamId == null ? null : "hoort bij " + teamId, null,
                Instant.now());
    }

    /** The same assignment with routing's knowledge article ({@code null}: none) and confidence. */
    public static ContactAssigned withArticle(ContactAssigned a, String articleId, double confidence) {
        return new ContactAssigned(a.contactId(), a.teamId(), a.tier(), a.hop(), a.municipality(), a.channel(),
                a.receivedAt(), a.subject(), a.text(), a.language(), a.citizen(), a.caseReference(), a.productUri(),
                a.productName(), articleId, a.categoryId(), a.handlingTerm(), a.reason(), confidence,
                a.previousTeamId(), a.transferReason(), a.followUpOf(), a.routedAt());
    }

    public static ContactAssigned assigned(String contactId, String teamId) {
        return assigned(contactId, teamId, teamId.equals("kcc") ? Tier.FIRST_LINE : Tier.CHAIN_TEAM, 0,
                Channel.WEB_FORM, Instant.now(), new HandlingTerm(5, TermUnit.WORKING_DAYS), null);
    }

    /** Sends the assignment to its team topic; returns the ce_id. */
    public static String send(ContactAssigned a) {
        return send(a, UUID.randomUUID().toString());
    }

    public static String send(ContactAssigned a, String eventId) {
        ProducerRecord<String, String> r = record(a, eventId);
        TopicClient.send(r.topic(), r.key(), r.value(), headersOf(r));
        return eventId;
    }

    /** The assignment as a record of its team topic (schema-checked), with this ce_id. */
    public static ProducerRecord<String, String> record(ContactAssigned a, String eventId) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(EventSchemaValidator.instance().validate(ContactAssigned.TYPE, json)).isEmpty();
        Map<String, String> headers = new HashMap<>(TopicClient.cloudEventHeaders(ContactAssigned.TYPE, a.contactId()));
        headers.put(CloudEventHeaders.ID, eventId);
        return record(Topics.teamContacts(a.teamId()), a.contactId(), json, headers);
    }

    /** Any record (also one that breaks the contract), with these headers. */
    public static ProducerRecord<String, String> record(String topic, String key, String value,
            Map<String, String> headers) {
        List<Header> recordHeaders = headers.entrySet().stream()
                .map(e -> (Header) new RecordHeader(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return new ProducerRecord<>(topic, null, key, value, recordHeaders);
    }

    /**
     * Sends the records in order with one producer and one flush, so they reach the broker in one request and the
     * consumer normally gets them in one poll (one batch); waits for the broker's acknowledgements.
     */
    public static void sendTogether(List<ProducerRecord<String, String>> records) {
        Properties props = TopicClient.clientProperties(KafkaTestResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5000"); // nothing leaves before the flush
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + records.size() + " records", e);
        }
    }

    private static Map<String, String> headersOf(ProducerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    /** Sends and waits until the item is in the given team (as seen by a member of that team). */
    public static void sendAndAwait(ContactAssigned a) {
        send(a);
        awaitItemIn(a.contactId(), a.teamId(), a.hop());
    }

    public static void awaitItemIn(String contactId, String teamId, int hop) {
        String token = token("watcher", "gemeente", teamId);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = as(token).get("/api/v1/items/" + contactId);
            return response.statusCode() == 200 && response.jsonPath().getInt("hop") == hop;
        });
    }

    /** Waits for {@code count} lifecycle records of this type and contact; checks headers and schema of each. */
    public static List<ReadRecord> lifecycle(String contactId, String type, int count) {
        List<ReadRecord> records = TopicClient.await(Topics.CONTACTS_LIFECYCLE,
                r -> contactId.equals(r.key()) && type.equals(r.header(CloudEventHeaders.TYPE)), count, WAIT);
        records.forEach(TestSupport::assertValidLifecycleRecord);
        return records;
    }

    public static void assertValidLifecycleRecord(ReadRecord r) {
        assertThat(r.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(r.header(CloudEventHeaders.ID)).isNotBlank();
        assertThat(r.header(CloudEventHeaders.SOURCE)).isEqualTo("urn:loket:chain-team-service");
        assertThat(r.header(CloudEventHeaders.SUBJECT)).isEqualTo(r.key());
        assertThat(r.header(CloudEventHeaders.TIME)).isNotBlank();
        assertThat(r.header(CloudEventHeaders.CONTENT_TYPE)).startsWith("application/json");
        assertThat(EventSchemaValidator.instance().validate(r.header(CloudEventHeaders.TYPE), r.value()))
                .as("schema of %s", r.header(CloudEventHeaders.TYPE)).isEmpty();
        assertThat(r.value()).doesNotContainIgnoringCase("bsn");
    }

    public static List<ReadRecord> lifecycleOf(String contactId) {
        return TopicClient.readAll(Topics.CONTACTS_LIFECYCLE, Duration.ofSeconds(10)).stream()
                .filter(r -> contactId.equals(r.key())).toList();
    }
}
