package nl.loket.metrics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.Topics;
import nl.loket.metrics.ScriptedDay;
import nl.loket.metrics.rest.ScriptedDayKpiTest;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * metrics-service consumes no personal data. A realistic day is published as the services publish it, each record by
 * its producer's KafkaUser (intake's ContactReceived with subject, text and citizen details; routing's ContactRouted
 * and ContactAssigned; chain-team's lifecycle events). Then, as metrics-service's own KafkaUser on the real test
 * broker (the ACLs of deploy/), every record of every topic metrics subscribes to is read and its JSON searched for
 * a personal field; the topics that do carry them (contacts.received, the team topics) cannot be read at all. The
 * day's KPIs are exact, although metrics never saw a ContactReceived.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class ConsumedRecordsPrivacyTest {

    /** Field names that hold personal data in Loket's events (compared without case). */
    static final Set<String> PERSONAL_FIELDS = Set.of("text", "subject", "name", "email", "phone", "citizen",
            "citizenref");

    private static final String METRICS_USER = "metrics-service";
    private static final String MUNICIPALITY = "GM0010";
    private static final String PREFIX = "privacy";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ = Duration.ofSeconds(30);

    @Test
    void noRecordMetricsCanReadHoldsAPersonalFieldAndTheKpisNeedNone() {
        List<ScriptedDay.Sent> day = ScriptedDay.wholeFlow(MUNICIPALITY, PREFIX);
        day.forEach(ScriptedDay.Sent::sendAsProducer);

        // the KPIs of the day, computed by hand, from contacts.routed and contacts.lifecycle alone
        JsonPath summary = ScriptedDayKpiTest.awaitDay(MUNICIPALITY);
        assertThat(summary.getLong("firstContacts")).isEqualTo(ScriptedDay.Expected.FIRST_CONTACTS);
        assertThat(summary.getDouble("directHandling.share")).isEqualTo(3.0 / 8);

        Set<String> subscribed = subscribedTopics();
        assertThat(subscribed).as("topics metrics-service subscribes to").isNotEmpty()
                .doesNotContain(Topics.CONTACTS_RECEIVED)
                .noneMatch(Topics::isTeamTopic);

        List<String> personal = new ArrayList<>();
        Set<String> flowEventsRead = new TreeSet<>();
        for (String topic : subscribed) {
            List<TopicClient.ReadRecord> records = readAllAsMetrics(topic);
            for (TopicClient.ReadRecord r : records) {
                personal.addAll(personalFields(r));
                if (r.key() != null && r.key().startsWith(PREFIX + "-")) {
                    flowEventsRead.add(r.header("ce_id"));
                }
            }
        }
        Set<String> flowEventsOnSubscribedTopics = day.stream().filter(s -> subscribed.contains(s.topic()))
                .map(ScriptedDay.Sent::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(flowEventsOnSubscribedTopics).hasSizeGreaterThan(20);
        assertThat(flowEventsRead).as("the day's records metrics-service reads")
                .isEqualTo(flowEventsOnSubscribedTopics);
        assertThat(personal).as("personal fields in records metrics-service can read").isEmpty();
    }

    @Test
    void thePersonalDataOfTheDayIsOnTopicsMetricsMayNotRead() {
        List<ScriptedDay.Sent> day = ScriptedDay.wholeFlow("GM0011", "withheld");
        day.forEach(ScriptedDay.Sent::sendAsProducer);
        Set<String> withPersonalData = day.stream().map(ScriptedDay.Sent::topic)
                .filter(t -> t.equals(Topics.CONTACTS_RECEIVED) || Topics.isTeamTopic(t))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(withPersonalData).contains(Topics.CONTACTS_RECEIVED, Topics.teamContacts("kcc"),
                Topics.teamContacts("omgeving"));

        // the check finds them where they are (read as the broker's super user) …
        for (String topic : withPersonalData) {
            List<String> found = TopicClient.readAll(topic, READ).stream()
                    .filter(r -> r.key() != null && r.key().startsWith("withheld-"))
                    .flatMap(r -> personalFields(r).stream()).toList();
            assertThat(found).as(topic).isNotEmpty()
                    .anyMatch(f -> f.endsWith(".text")).anyMatch(f -> f.endsWith(".citizen.name"));
        }
        // … and metrics-service's KafkaUser cannot read them, nor any other team topic
        Set<String> denied = new TreeSet<>(withPersonalData);
        DefaultTeams.ALL.forEach(team -> denied.add(Topics.teamContacts(team)));
        for (String topic : denied) {
            assertMetricsMayNotRead(topic);
        }
    }

    /** The topics of this application's incoming Kafka channels (none by pattern). */
    private static Set<String> subscribedTopics() {
        Config config = ConfigProvider.getConfig();
        Set<String> topics = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith("mp.messaging.incoming.")) {
                continue;
            }
            String channel = property.substring("mp.messaging.incoming.".length()).split("\\.")[0];
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (!"smallrye-kafka".equals(config.getOptionalValue(prefix + "connector", String.class).orElse(null))) {
                continue;
            }
            assertThat(config.getOptionalValue(prefix + "pattern", Boolean.class)).as(channel + " subscribes by pattern")
                    .isNotEqualTo(Optional.of(true));
            Optional<String> list = config.getOptionalValue(prefix + "topics", String.class);
            if (list.isPresent()) {
                for (String t : list.get().split(",")) {
                    topics.add(t.trim());
                }
            } else {
                topics.add(config.getOptionalValue(prefix + "topic", String.class).orElse(channel));
            }
        }
        return topics;
    }

    /** Every record now on the topic, read as metrics-service's KafkaUser (assigned partitions, no group). */
    private static List<TopicClient.ReadRecord> readAllAsMetrics(String topic) {
        List<TopicClient.ReadRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = metricsConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(READ).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    Map<String, String> headers = StreamSupport.stream(r.headers().spliterator(), false)
                            .filter(h -> h.value() != null)
                            .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
                    records.add(new TopicClient.ReadRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                            headers));
                });
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    private static void assertMetricsMayNotRead(String topic) {
        try (KafkaConsumer<String, String> consumer = metricsConsumer()) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(READ).pollInSameThread().untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(200)))
                    .as("metrics-service reads " + topic).isInstanceOf(TopicAuthorizationException.class));
        }
    }

    private static KafkaConsumer<String, String> metricsConsumer() {
        Properties props = KafkaTestResource.clientProperties(METRICS_USER);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * The personal fields of a record's JSON, as {@code topic@partition:offset.path.to.field}. A value that is not
     * JSON has no fields (metrics dead-letters it unread).
     */
    static List<String> personalFields(TopicClient.ReadRecord r) {
        List<String> found = new ArrayList<>();
        if (r.value() == null) {
            return found;
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.value());
        } catch (JsonProcessingException e) {
            return found;
        }
        collect(json, r.topic() + "@" + r.partition() + ":" + r.offset(), found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + "." + field.getKey();
                if (PERSONAL_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    found.add(at);
                }
                collect(field.getValue(), at, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
