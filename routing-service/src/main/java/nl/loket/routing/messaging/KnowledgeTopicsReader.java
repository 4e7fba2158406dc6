package nl.loket.routing.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.messaging.ConsumedRecord;
import nl.loket.kit.messaging.DeadLetterPublisher;
import nl.loket.kit.messaging.InvalidRecordException;
import nl.loket.routing.knowledge.KnowledgeView;

/**
 * Rebuilds the {@link KnowledgeView} from the compacted knowledge topics and {@code cases.status}. Every instance
 * reads ALL partitions from the beginning (manual assignment, no consumer group, no committed offsets) and keeps
 * reading, so changes while running reach the view. A null value is a tombstone. A record that breaks its schema
 * goes to the topic's dead-letter topic with the reason; the reader goes on.
 */
@ApplicationScoped
public class KnowledgeTopicsReader {

    static final Map<String, String> TYPES = Map.of(
            Topics.KNOWLEDGE_TEAMS, TeamChanged.TYPE,
            Topics.KNOWLEDGE_PRODUCTS, ProductChanged.TYPE,
            Topics.KNOWLEDGE_CATEGORIES, CategoryChanged.TYPE,
            Topics.KNOWLEDGE_ARTICLES, ArticleChanged.TYPE,
            Topics.CASES_STATUS, CaseStatusChanged.TYPE);
    private static final Duration TOPIC_RECHECK = Duration.ofSeconds(5);
    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(30);

    private final KnowledgeView view;
    private final String bootstrapServers;
    private final ObjectMapper mapper = EventJson.mapper();
    private volatile boolean running = true;
    private final DeadLetterPublisher deadLetters;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    private final Map<String, Object> kafkaConfig;

    /**
     * @param kafkaConfig Quarkus' {@code kafka.*} settings (security protocol, SASL …), so that this plain client
     *                    connects like the SmallRye channels do
     */
    public KnowledgeTopicsReader(KnowledgeView view, DeadLetterPublisher deadLetters,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.view = view;
        this.deadLetters = deadLetters;
        this.bootstrapServers = bootstrapServers;
        this.kafkaConfig = kafkaConfig;
    }

    private Properties common() {
        Properties props = new Properties();
        kafkaConfig.forEach((k, v) -> {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                props.put(k, v);
            }
        });
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    void start(@Observes StartupEvent event) {
        Properties props = common();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-service-view-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(props);
        thread = new Thread(this::run, "routing-knowledge-view");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        Map<TopicPartition, Long> catchUpTo = new HashMap<>();
        Instant nextCheck = Instant.EPOCH;
        boolean first = true;
        try {
            while (running) {
                if (Instant.now().isAfter(nextCheck)) {
                    Set<TopicPartition> partitions = partitions();
                    if (!partitions.equals(assigned)) {
                        Set<TopicPartition> added = new HashSet<>(partitions);
                        added.removeAll(assigned);
                        consumer.assign(partitions);
                        consumer.seekToBeginning(added);
                        if (first) {
                            catchUpTo.putAll(consumer.endOffsets(partitions));
                        }
                        assigned = partitions;
                    }
                    first = false;
                    nextCheck = Instant.now().plus(TOPIC_RECHECK);
                }
                if (assigned.isEmpty()) {
                    view.markCaughtUp();
                    sleep();
                    continue;
                }
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> r : records) {
                    apply(r);
                }
                if (!view.isCaughtUp() && caughtUp(catchUpTo)) {
                    view.snapshot(); // build the index here, not on an event-loop thread
                    Log.infof("Knowledge view caught up: %s", view.sizes());
                    view.markCaughtUp();
                } else if (!records.isEmpty() && view.isCaughtUp()) {
                    view.snapshot(); // rebuild after a change while running, off the hot path
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            Log.error("Knowledge view reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (consumer.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Set<TopicPartition> partitions() {
        Set<TopicPartition> partitions = new HashSet<>();
        var topics = consumer.listTopics(Duration.ofSeconds(5));
        for (String topic : TYPES.keySet()) {
            var infos = topics.get(topic);
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
        }
        return partitions;
    }

    void apply(ConsumerRecord<String, String> r) {
        String type = TYPES.get(r.topic());
        String key = r.key();
        if (key == null) {
            deadLetter(r, "record without a key");
            return;
        }
        if (r.value() == null) {
            remove(r.topic(), key);
            return;
        }
        List<String> violations = EventSchemaValidator.instance().validate(type, r.value());
        if (!violations.isEmpty()) {
            deadLetter(r, "schema-invalid " + type + ": " + String.join("; ", violations));
            return;
        }
        try {
            switch (r.topic()) {
                case Topics.KNOWLEDGE_TEAMS -> view.putTeam(key, mapper.readValue(r.value(), TeamChanged.class));
                case Topics.KNOWLEDGE_PRODUCTS -> view.putProduct(key, mapper.readValue(r.value(), ProductChanged.class));
                case Topics.KNOWLEDGE_CATEGORIES ->
                    view.putCategory(key, mapper.readValue(r.value(), CategoryChanged.class));
                case Topics.KNOWLEDGE_ARTICLES -> view.putArticle(key, mapper.readValue(r.value(), ArticleChanged.class));
                case Topics.CASES_STATUS -> view.putCase(key, mapper.readValue(r.value(), CaseStatusChanged.class));
                default -> Log.warnf("Unexpected topic %s", r.topic());
            }
        } catch (Exception e) {
            deadLetter(r, "unreadable " + type + ": " + e.getMessage());
        }
    }

    private void remove(String topic, String key) {
        switch (topic) {
            case Topics.KNOWLEDGE_TEAMS -> view.putTeam(key, null);
            case Topics.KNOWLEDGE_PRODUCTS -> view.putProduct(key, null);
            case Topics.KNOWLEDGE_CATEGORIES -> view.putCategory(key, null);
            case Topics.KNOWLEDGE_ARTICLES -> view.putArticle(key, null);
            case Topics.CASES_STATUS -> view.putCase(key, null);
            default -> Log.warnf("Unexpected topic %s", topic);
        }
    }

    /** On the topic's dead-letter topic (service kit, one header set), waiting for the broker; the reader goes on. */
    private void deadLetter(ConsumerRecord<String, String> r, String reason) {
        try {
            deadLetters.publish(ConsumedRecord.of(r), reason, new InvalidRecordException(reason))
                    .await().atMost(DEAD_LETTER_WAIT);
        } catch (RuntimeException e) {
            // read again from the beginning at the next start, and set aside again then
            Log.errorf(e, "Could not dead-letter %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), reason);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(TOPIC_RECHECK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
