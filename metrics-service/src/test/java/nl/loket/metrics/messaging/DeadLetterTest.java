package nl.loket.metrics.messaging;

import static nl.loket.metrics.Viewers.viewerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.kit.messaging.DeadLetterHeaders;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.metrics.ScriptedDay;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class DeadLetterTest {

    @Test
    void badOrUnknownEventsGoToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        // not JSON at all
        TopicClient.send("contacts.lifecycle", "dlq-1", "{not json",
                TopicClient.cloudEventHeaders(ContactHandled.TYPE, "dlq-1"));
        // a type nobody knows
        TopicClient.send("contacts.lifecycle", "dlq-2", "{\"contactId\":\"dlq-2\"}",
                TopicClient.cloudEventHeaders("nl.loket.contact.teleported.v1", "dlq-2"));
        // valid JSON that breaks the schema (no hop, tier, team, reason, …)
        TopicClient.send("contacts.routed", "dlq-3",
                "{\"contactId\":\"dlq-3\",\"municipality\":\"Amsterdam\",\"channel\":\"PHONE\","
                        + "\"receivedAt\":\"2026-11-05T10:00:00Z\"}",
                TopicClient.cloudEventHeaders(ContactRouted.TYPE, "dlq-3"));
        // a known type on the wrong topic
        Map<String, String> handledOnRouted = new HashMap<>(TopicClient.cloudEventHeaders(ContactHandled.TYPE, "dlq-4"));
        TopicClient.send("contacts.routed", "dlq-4", "{}", handledOnRouted);
        // no event id
        Map<String, String> noId = new HashMap<>(TopicClient.cloudEventHeaders(ContactRouted.TYPE, "dlq-5"));
        noId.remove(CloudEventHeaders.ID);
        TopicClient.send("contacts.routed", "dlq-5", "{}", noId);

        List<TopicClient.ReadRecord> lifecycle = TopicClient.await("contacts.lifecycle.dlq",
                r -> r.key() != null && r.key().startsWith("dlq-"), 2, Duration.ofSeconds(60));
        assertThat(reason(lifecycle, "dlq-1")).startsWith("not JSON");
        assertThat(reason(lifecycle, "dlq-2")).isEqualTo("unknown ce_type nl.loket.contact.teleported.v1");
        assertThat(lifecycle).allSatisfy(r -> assertThat(r.header(CloudEventHeaders.TYPE)).isNotNull());

        List<TopicClient.ReadRecord> routed = TopicClient.await("contacts.routed.dlq",
                r -> r.key() != null && r.key().startsWith("dlq-"), 3, Duration.ofSeconds(60));
        assertThat(reason(routed, "dlq-3")).startsWith("schema violations of " + ContactRouted.TYPE)
                .contains("'hop'").contains("'teamId'");
        assertThat(reason(routed, "dlq-4")).isEqualTo("ce_type " + ContactHandled.TYPE
                + " is not consumed from contacts.routed");
        assertThat(reason(routed, "dlq-5")).isEqualTo("missing ce_id header");

        // the consumers went on: a good day after the bad records is counted
        ScriptedDay.events("GM0004", "afterbad").forEach(ScriptedDay.Sent::send);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(viewerOf("GM0004")
                .queryParam("municipality", "GM0004").queryParam("from", ScriptedDay.DAY).queryParam("to", ScriptedDay.DAY)
                .get("/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath().getLong("settled"))
                .isEqualTo(8));
    }

    @Test
    void badQueryParametersAreAProblem() {
        viewerOf("GM0004").queryParam("from", "2026-13-01").queryParam("municipality", "Amsterdam").queryParam("channel", "FAX")
                .get("/api/v1/metrics/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors.field")
                .containsAll(List.of("from", "municipality", "channel"));
        var fields = viewerOf("GM0004").queryParam("from", "2026-11-05").queryParam("to", "2026-11-01").queryParam("bucket", "year")
                .get("/api/v1/metrics/timeseries")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors.field");
        assertThat(fields).contains("from", "bucket");
        viewerOf("GM0004").queryParam("team", "KCC!").get("/api/v1/metrics/summary").then().statusCode(400);
    }

    private static String reason(List<TopicClient.ReadRecord> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst()
                .map(r -> r.header(DeadLetterHeaders.REASON))
                .orElseThrow(() -> new AssertionError("no dead letter for " + key));
    }
}
