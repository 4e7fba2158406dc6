package nl.loket.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import nl.loket.platform.kafka.LocalKafka;

/**
 * Plain Kafka clients for tests: read what a service published (with headers), write what a service consumes.
 * Reads always start at the beginning of the topic, without a consumer group. They connect as the broker's super
 * user when the bootstrap servers are those of a {@link LocalKafka} in this JVM (the test JVM's broker, an in-process
 * platform's), so a test can read and write what no service's ACLs allow.
 */
public final class TopicClient {

    private TopicClient() {
    }

    /** A record as read back: key, value (JSON text) and headers as strings. */
    public record ReadRecord(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Waits until {@code predicate} has matched {@code count} records of the topic, or fails after the timeout. */
    public static List<ReadRecord> await(String topic, Predicate<ReadRecord> predicate, int count, Duration timeout) {
        return awaitOn(KafkaTestResource.bootstrapServers(), topic, predicate, count, timeout);
    }

    /** {@link #await} on the broker at {@code bootstrapServers} (e.g. a local platform's). */
    public static List<ReadRecord> awaitOn(String bootstrapServers, String topic, Predicate<ReadRecord> predicate, int count,
            Duration timeout) {
        List<ReadRecord> matching = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (matching.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    ReadRecord read = toRead(r);
                    if (predicate.test(read)) {
                        matching.add(read);
                    }
                });
            }
        }
        if (matching.size() < count) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + ", found " + matching.size());
        }
        return matching;
    }

    /**
     * Waits until a record has been seen for every one of {@code keys} (duplicates of a key, as at-least-once
     * redelivery produces them, count once), or fails after the timeout naming the keys still missing.
     */
    public static List<ReadRecord> awaitKeysOn(String bootstrapServers, String topic, Collection<String> keys, Duration timeout) {
        List<ReadRecord> matching = new ArrayList<>();
        Set<String> missing = new HashSet<>(keys);
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        matching.add(toRead(r));
                        missing.remove(r.key());
                    }
                });
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("No record on " + topic + " within " + timeout + " for " + missing.size()
                    + " of " + keys.size() + " key(s): " + missing);
        }
        return matching;
    }

    /** Every record currently on the topic (reads until the end offsets seen at the start). */
    public static List<ReadRecord> readAll(String topic, Duration timeout) {
        return readAllOn(KafkaTestResource.bootstrapServers(), topic, timeout);
    }

    /** {@link #readAll} on the broker at {@code bootstrapServers}. */
    public static List<ReadRecord> readAllOn(String bootstrapServers, String topic, Duration timeout) {
        List<ReadRecord> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(toRead(r)));
            }
        }
        return records;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        sendTo(KafkaTestResource.bootstrapServers(), topic, key, value, headers);
    }

    /** {@link #send} to the broker at {@code bootstrapServers}. */
    public static void sendTo(String bootstrapServers, String topic, String key, String value, Map<String, String> headers) {
        Properties props = clientProperties(bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Header> recordHeaders = headers.entrySet().stream()
                    .map(e -> (Header) new RecordHeader(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                    .toList();
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** CloudEvents binary-mode headers for a test event. */
    public static Map<String, String> cloudEventHeaders(String type, String subject) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", type,
                "ce_source", "urn:loket:test",
                "ce_time", Instant.now().toString(),
                "ce_subject", subject,
                "content-type", "application/json");
    }

    /** Creates topics that do not exist yet. */
    public static void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(KafkaTestResource.adminClientProperties())) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + topics, e);
        }
    }

    /**
     * The super user's settings of the {@link LocalKafka} in this JVM that offers {@code bootstrapServers}; else
     * only the bootstrap servers.
     */
    public static Properties clientProperties(String bootstrapServers) {
        return LocalKafka.adminClientPropertiesOf(bootstrapServers).orElseGet(() -> {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return props;
        });
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties props = clientProperties(bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props);
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, String topic, Instant deadline) {
        while (true) {
            var infos = consumer.listTopics(Duration.ofSeconds(2)).get(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            }
            if (Instant.now().isAfter(deadline)) {
                return List.of();
            }
            try {
                Thread.sleep(100); // polling a broker for a topic to appear; not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    private static ReadRecord toRead(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new ReadRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers);
    }
}
