package nl.loket.metrics.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.kit.messaging.DeadLetterHeaders;
import nl.loket.metrics.Batches;
import nl.loket.metrics.Management;
import nl.loket.metrics.ScriptedDay;
import nl.loket.metrics.rest.ScriptedDayKpiTest;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Both channels consume batches (records sent together, read in one poll or a few): a broken record inside a batch
 * is set aside alone, duplicates inside a batch and redeliveries count once, and a batch of contacts counts each.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class BatchConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aBrokenRecordInsideABatchIsDeadLetteredWithItsReasonAndItsNeighboursAreCounted() {
        List<ScriptedDay.Sent> contacts = Batches.directlyHandled("GM0035", "neighbours", 4);
        List<ScriptedDay.Sent> routed = new ArrayList<>(contacts.subList(0, 4));
        List<ScriptedDay.Sent> handled = new ArrayList<>(contacts.subList(4, 8));
        // valid JSON that breaks the schema, between the decisions; a record that is not JSON between the settlements
        routed.add(2, new ScriptedDay.Sent("routing-service", Topics.CONTACTS_ROUTED, "neighbours-bad-routed",
                ContactRouted.TYPE, "neighbours-bad-1", "{\"contactId\":\"neighbours-bad-routed\"}"));
        handled.add(2, new ScriptedDay.Sent("chain-team-service", Topics.CONTACTS_LIFECYCLE, "neighbours-bad-handled",
                ContactHandled.TYPE, "neighbours-bad-2", "{not json"));
        Batches.sendTogether(routed);
        Batches.sendTogether(handled);

        assertThat(reason(Topics.CONTACTS_ROUTED, "neighbours-bad-routed"))
                .startsWith("schema violations of " + ContactRouted.TYPE).contains("'hop'");
        assertThat(reason(Topics.CONTACTS_LIFECYCLE, "neighbours-bad-handled")).startsWith("not JSON");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath day = ScriptedDayKpiTest.summary("GM0035", ScriptedDay.DAY, ScriptedDay.DAY);
            assertThat(day.getLong("received")).isEqualTo(4);
            assertThat(day.getLong("directHandling.directlyHandled")).isEqualTo(4);
        });
        // only the broken records were set aside
        assertThat(TopicClient.readAll(Topics.deadLetter(Topics.CONTACTS_ROUTED), Duration.ofSeconds(10)))
                .noneMatch(r -> r.key() != null && r.key().startsWith("neighbours-c"));
        assertThat(TopicClient.readAll(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE), Duration.ofSeconds(10)))
                .noneMatch(r -> r.key() != null && r.key().startsWith("neighbours-c"));
    }

    @Test
    void aBatchOfContactsCountsEachOnceAlsoWithDuplicatesInsideAndARedeliveryAfter() {
        int n = 200;
        List<ScriptedDay.Sent> contacts = Batches.directlyHandled("GM0036", "together", n);
        double appliedBefore = events(ContactRouted.TYPE, "applied");
        double duplicatesBefore = events(ContactRouted.TYPE, "duplicate");

        // every record twice, the copy right behind the original: duplicates inside the batch
        List<ScriptedDay.Sent> twice = new ArrayList<>();
        contacts.forEach(r -> {
            twice.add(r);
            twice.add(r);
        });
        Batches.sendTogether(twice);

        await().atMost(WAIT).untilAsserted(() -> assertDirectlyHandled(n));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events(ContactRouted.TYPE, "applied") - appliedBefore).isGreaterThanOrEqualTo(n);
            assertThat(events(ContactRouted.TYPE, "duplicate") - duplicatesBefore).isGreaterThanOrEqualTo(n);
        });

        // redelivered as a whole: counted once still
        Batches.sendTogether(contacts);
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(ContactRouted.TYPE, "duplicate") - duplicatesBefore)
                .isGreaterThanOrEqualTo(2 * n));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertDirectlyHandled(n));
    }

    private static void assertDirectlyHandled(int n) {
        JsonPath day = ScriptedDayKpiTest.summary("GM0036", ScriptedDay.DAY, ScriptedDay.DAY);
        assertThat(day.getLong("received")).isEqualTo(n);
        assertThat(day.getLong("settled")).isEqualTo(n);
        assertThat(day.getLong("directHandling.directlyHandled")).isEqualTo(n);
        assertThat(day.getLong("timeToSettle.settled")).isEqualTo(n);
    }

    /** loket_metrics_events_total of a type and outcome, from Prometheus (0 before the first). */
    private static double events(String type, String outcome) {
        String metrics = given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^loket_metrics_events_total\\{(?=[^}]*outcome=\"" + Pattern.quote(outcome)
                + "\")(?=[^}]*type=\"" + Pattern.quote(type) + "\")[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String reason(String topic, String key) {
        return TopicClient.await(Topics.deadLetter(topic), r -> key.equals(r.key()), 1, WAIT).get(0)
                .header(DeadLetterHeaders.REASON);
    }
}
