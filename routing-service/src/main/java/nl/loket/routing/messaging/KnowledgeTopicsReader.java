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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import nl.loket.routing.config.RoutingConfig;
import nl.loket.routing.knowledge.KnowledgeView;

/**
 * Rebuilds the {@link KnowledgeView} from the compacted knowledge topics and {@code cases.status}. Every instance
 * reads ALL partitions from the beginning (manual assignment, no consumer group, no committed offsets) and keeps
 * reading, so changes while running reach the view. A null value is a tombstone. A record that breaks its schema
 * goes to the topic's dead-letter topic with the reason; the reader goes on. Every few seconds it lists the topics:
 * new partitions of the knowledge topics, and which team topics {@code team.<teamId>.contacts} exist.
 * <p>
 * Self-healing: any failure (a {@code listTopics} timeout, an authorisation error, a bug) ends only the current
 * session. The reader logs it, waits (back-off from {@code loket.routing.view.restart-backoff}, doubling up to
 * {@code restart-max-backoff}) and starts a new session with a new consumer that reads everything again from the
 * beginning; the view is not caught up meanwhile, so no contact is decided on it and readiness is DOWN.
 */
@ApplicationScoped
public class KnowledgeTopicsReader {

    private static final Pattern TEAM_TOPIC = Pattern.compile(
            Pattern.quote(Topics.TEAM_CONTACTS_PREFIX) + "([a-z0-9]+(?:-[a-z0-9]+)*)"
                    + Pattern.quote(Topics.TEAM_CONTACTS_SUFFIX));
    static final Map<String, String> TYPES = Map.of(
            Topics.KNOWLEDGE_TEAMS, TeamChanged.TYPE,
            Topics.KNOWLEDGE_PRODUCTS, ProductChanged.TYPE,
            Topics.KNOWLEDGE_CATEGORIES, CategoryChanged.TYPE,
            Topics.KNOWLEDGE_ARTICLES, ArticleChanged.TYPE,
            Topics.CASES_STATUS, CaseStatusChanged.TYPE);
    /** Counter of the reader's restarts after a failure. */
    public static final String RESTARTS_METRIC = "loket.routing.view.restarts";
    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(30);
    private static final Duration LIST_TOPICS_TIMEOUT = Duration.ofSeconds(5);

    private final KnowledgeView view;
    private final String bootstrapServers;
    private final ObjectMapper mapper = EventJson.mapper();
    private volatile boolean running = true;
    private final DeadLetterPublisher deadLetters;
    private final RoutingConfig.View config;
    private final Counter restarts;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Runnable faultInjection = () -> {
    };
    private Thread thread;
    /** Whether the current (or last) session caught up: a failure after that starts the back-off afresh. */
    private volatile boolean sessionCaughtUp;

    private final Map<String, Object> kafkaConfig;

    /**
     * @param kafkaConfig Quarkus' {@code kafka.*} settings (security protocol, SASL …), so that this plain client
     *                    connects like the SmallRye channels do
     */
    public KnowledgeTopicsReader(KnowledgeView view, DeadLetterPublisher deadLetters, RoutingConfig config,
            MeterRegistry meters,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.view = view;
        this.deadLetters = deadLetters;
        this.config = config.view();
        this.restarts = meters.counter(RESTARTS_METRIC);
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

    private KafkaConsumer<String, String> newConsumer() {
        Properties props = common();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-service-view-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(props);
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "routing-knowledge-view");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.interrupt(); // ends a back-off wait
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Test hook: {@code hook} runs once per round of the reader's loop; what it throws ends the session like any
     * real failure would (a {@code listTopics} timeout, an authorisation error), and the reader starts again.
     */
    public void faultInjection(Runnable hook) {
        this.faultInjection = hook == null ? () -> {
        } : hook;
    }

    /** Sessions, one after another: a failure ends one, and after a back-off the next reads everything again. */
    private void run() {
        Duration backoff = config.restartBackoff();
        while (running) {
            try {
                view.rebuild();
                session();
            } catch (Throwable e) { // any failure (a wake-up or interrupt only when stopping): the reader goes on
                if (!running) {
                    break;
                }
                if (sessionCaughtUp) {
                    backoff = config.restartBackoff(); // a failure after a healthy session: start with a short wait
                }
                failed(e, backoff);
            }
            if (!running || !pause(backoff)) {
                break;
            }
            backoff = min(backoff.multipliedBy(2), config.restartMaxBackoff());
        }
    }

    private void failed(Throwable e, Duration backoff) {
        view.rebuild(); // not caught up: no decision until the next session has read everything again
        restarts.increment();
        Log.errorf(e, "Knowledge view reader failed; it starts again from the beginning in %s", backoff);
    }

    /** One consumer reading from the beginning, until it fails or the service stops. */
    private void session() {
        sessionCaughtUp = false;
        Set<TopicPartition> assigned = new HashSet<>();
        Map<TopicPartition, Long> catchUpTo = new HashMap<>();
        Instant nextCheck = Instant.EPOCH;
        boolean first = true;
        KafkaConsumer<String, String> c = newConsumer();
        consumer = c;
        try {
            while (running) {
                faultInjection.run();
                if (Instant.now().isAfter(nextCheck)) {
                    Set<TopicPartition> partitions = partitions(c);
                    if (!partitions.equals(assigned)) {
                        Set<TopicPartition> added = new HashSet<>(partitions);
                        added.removeAll(assigned);
                        c.assign(partitions);
                        c.seekToBeginning(added);
                        if (first) {
                            catchUpTo.putAll(c.endOffsets(partitions));
                        }
                        assigned = partitions;
                    }
                    first = false;
                    nextCheck = Instant.now().plus(config.topicRecheck());
                }
                if (assigned.isEmpty()) {
                    view.markPolled();
                    if (!view.isCaughtUp()) {
                        view.markCaughtUp();
                        sessionCaughtUp = true;
                    }
                    if (!pause(config.topicRecheck())) {
                        return;
                    }
                    continue;
                }
                var records = c.poll(Duration.ofMillis(200));
                view.markPolled();
                for (ConsumerRecord<String, String> r : records) {
                    apply(r);
                }
                if (!view.isCaughtUp() && caughtUp(c, catchUpTo)) {
                    view.markCaughtUp(); // builds the index here, not on an event-loop thread
                    sessionCaughtUp = true;
                    Log.infof("Knowledge view caught up: %s", view.sizes());
                } else if (!records.isEmpty() && view.isCaughtUp()) {
                    view.snapshot(); // rebuild after a change while running, off the hot path
                }
            }
        } finally {
            consumer = null;
            try {
                c.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                Log.debugf(e, "Closing the knowledge view's consumer failed");
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> c, Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (c.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The knowledge topics' partitions; on the way, tells the view which team topics exist. */
    private Set<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        Set<TopicPartition> partitions = new HashSet<>();
        var topics = c.listTopics(LIST_TOPICS_TIMEOUT);
        for (String topic : TYPES.keySet()) {
            var infos = topics.get(topic);
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
        }
        Set<String> teams = new HashSet<>();
        for (String topic : topics.keySet()) {
            Matcher m = TEAM_TOPIC.matcher(topic);
            if (m.matches()) {
                teams.add(m.group(1));
            }
        }
        view.teamTopics(teams);
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

    /** Waits; false when interrupted (the service stops). */
    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }
}
