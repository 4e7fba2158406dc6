package nl.loket.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.Topics;
import nl.loket.kit.messaging.DeadLetterHeaders;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;

/** Against the real broker of the test JVM, with records as the service kit dead-letters them. */
class DeadLetterToolTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final DeadLetterTool tool = new DeadLetterTool(client(), new PrintStream(printed, true, StandardCharsets.UTF_8));

    /** As on ./loket dlq: the operator's KafkaUser of deploy/ (users-operator.yaml), with its ACLs only. */
    private static Properties client() {
        return KafkaTestResource.clientProperties("loket-operator");
    }

    private static void deadLetter(String key, String ceId, String reason) {
        TopicClient.send(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE), key, "{\"contactId\":\"" + key + "\"}", Map.of(
                "ce_id", ceId, "ce_type", "nl.loket.contact.transfer-requested.v1",
                DeadLetterHeaders.REASON, reason, DeadLetterHeaders.TOPIC, Topics.CONTACTS_LIFECYCLE,
                DeadLetterHeaders.PARTITION, "0", DeadLetterHeaders.OFFSET, "42",
                DeadLetterHeaders.SERVICE, "routing-service"));
    }

    @Test
    void listShowsRecordsPerDeadLetterTopicAndShowPrintsTheReason() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        deadLetter(run + "-1", run + "-e1", "unknown contact " + run);

        Map<String, Long> counts = tool.list();
        List<?> shown = tool.show(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE), 1000);

        assertThat(counts.get(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE))).isPositive();
        assertThat(counts).containsKey(Topics.TEAM_CONTACTS_DLQ);
        assertThat(shown).isNotEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unknown contact " + run)
                .contains("routing-service");
    }

    @Test
    void replayRepublishesTheChosenRecordToItsTopicWithTheSameEventIdMarkedAsReplayed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        deadLetter(run + "-1", run + "-e1", "first");
        deadLetter(run + "-2", run + "-e2", "second");

        Map<String, Integer> replayed = tool.replay(Topics.CONTACTS_LIFECYCLE, Set.of(run + "-e2"));

        assertThat(replayed).containsExactly(Map.entry(Topics.CONTACTS_LIFECYCLE, 1));
        ReadRecord again = TopicClient.await(Topics.CONTACTS_LIFECYCLE, r -> r.key().startsWith(run), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(again.key()).isEqualTo(run + "-2");
        assertThat(again.header("ce_id")).isEqualTo(run + "-e2");
        assertThat(again.header("ce_type")).isEqualTo("nl.loket.contact.transfer-requested.v1");
        assertThat(again.header(DeadLetterTool.REPLAYED_FROM)).startsWith(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE));
        assertThat(again.header(DeadLetterHeaders.REASON)).isNull();
        assertThat(TopicClient.readAll(Topics.CONTACTS_LIFECYCLE, Duration.ofSeconds(3)))
                .noneMatch(r -> r.key().equals(run + "-1"));
    }

    @Test
    void usageIsPrintedForAnUnknownCommand() throws Exception {
        assertThat(tool.run(List.of("nonsense"))).isEqualTo(2);
        assertThat(tool.run(List.of("replay", "contacts.received.dlq"))).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("usage: dlq");
    }
}
