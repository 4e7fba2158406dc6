package nl.loket.ops;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.Topics;
import nl.loket.kit.messaging.DeadLetterHeaders;

/**
 * The operator's view of the dead-letter topics ({@code *.dlq}):
 * <ul>
 * <li>{@code list}: records held per dead-letter topic;</li>
 * <li>{@code show <topic> [n]}: the last n records (default 20) with their dead-letter headers and value;</li>
 * <li>{@code replay <topic> (--id <ce_id> … | --all)}: re-publishes records to the topic they were consumed from
 * ({@code dead-letter-topic}), with their key, value and original headers — so the same {@code ce_id}, which the
 * consumers' inboxes de-duplicate — plus {@code loket-replayed-from} and {@code loket-replayed-at}.</li>
 * </ul>
 * Options: {@code --bootstrap host:port} (default localhost:9092), {@code --config client.properties} (Kafka client
 * settings, e.g. SASL for a cluster: an operator user with read on {@code *.dlq} and write on the original topics).
 * A dead-letter topic keeps its records after a replay (Kafka cannot delete one record); the replay headers and the
 * consumers' inboxes make a second replay harmless.
 */
public final class DeadLetterTool {

    public static final String REPLAYED_FROM = "loket-replayed-from";
    public static final String REPLAYED_AT = "loket-replayed-at";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int VALUE_SHOWN = 600;

    private final Properties client;
    private final PrintStream out;

    public DeadLetterTool(Properties client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[++i]);
                case "--config" -> {
                    try (InputStream in = new FileInputStream(args[++i])) {
                        client.load(in);
                    }
                }
                default -> rest.add(args[i]);
            }
        }
        int code = new DeadLetterTool(client, System.out).run(rest);
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    public int run(List<String> args) throws Exception {
        String command = args.isEmpty() ? "" : args.get(0);
        switch (command) {
            case "list" -> list();
            case "show" -> {
                if (args.size() < 2) {
                    return usage();
                }
                show(args.get(1), args.size() > 2 ? Integer.parseInt(args.get(2)) : 20);
            }
            case "replay" -> {
                if (args.size() < 3) {
                    return usage();
                }
                Set<String> ids = new LinkedHashSet<>();
                boolean all = false;
                for (int i = 2; i < args.size(); i++) {
                    if (args.get(i).equals("--all")) {
                        all = true;
                    } else if (args.get(i).equals("--id") && i + 1 < args.size()) {
                        ids.add(args.get(++i));
                    } else {
                        return usage();
                    }
                }
                if (all == !ids.isEmpty()) {
                    return usage();
                }
                Map<String, Integer> replayed = replay(args.get(1), all ? null : ids);
                out.println(replayed.isEmpty() ? "Nothing replayed." : "Replayed: " + replayed);
            }
            default -> {
                return usage();
            }
        }
        return 0;
    }

    private int usage() {
        out.println("usage: dlq list | show <topic> [n] | replay <topic> (--id <ce_id> ... | --all)"
                + "  [--bootstrap host:port] [--config client.properties]");
        return 2;
    }

    /** Dead-letter topics and the records each holds now. */
    public Map<String, Long> list() throws ExecutionException, InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        try (Admin admin = Admin.create(client); KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(Topics.DLQ_SUFFIX)) {
                    List<TopicPartition> partitions = partitions(consumer, topic);
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    counts.put(topic, partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum());
                }
            }
        }
        out.printf("%-32s %8s%n", "dead-letter topic", "records");
        counts.forEach((topic, n) -> out.printf("%-32s %8d%n", topic, n));
        return counts;
    }

    /** The last {@code n} records of a dead-letter topic (named itself or by its original topic), oldest first. */
    public List<ConsumerRecord<String, String>> show(String topicOrDlq, int n) {
        String topic = dlq(topicOrDlq);
        List<ConsumerRecord<String, String>> all = readAll(topic);
        List<ConsumerRecord<String, String>> last = all.subList(Math.max(0, all.size() - n), all.size());
        for (ConsumerRecord<String, String> r : last) {
            out.printf("%s-%d@%d key=%s%n", r.topic(), r.partition(), r.offset(), r.key());
            for (String name : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, DeadLetterHeaders.REASON,
                    DeadLetterHeaders.TOPIC, DeadLetterHeaders.PARTITION, DeadLetterHeaders.OFFSET,
                    DeadLetterHeaders.EXCEPTION, DeadLetterHeaders.SERVICE, DeadLetterHeaders.TIME, REPLAYED_FROM)) {
                String value = header(r, name);
                if (value != null) {
                    out.printf("  %-34s %s%n", name, value);
                }
            }
            String value = r.value() == null ? "(tombstone)" : r.value();
            out.printf("  value %s%n%n", value.length() > VALUE_SHOWN ? value.substring(0, VALUE_SHOWN) + "…" : value);
        }
        out.printf("%d of %d record(s) on %s%n", last.size(), all.size(), topic);
        return last;
    }

    /**
     * Re-publishes the selected records ({@code ids} null = all) to their original topics and waits for the
     * broker's acknowledgements; returns how many went to each original topic.
     */
    public Map<String, Integer> replay(String topicOrDlq, Set<String> ids)
            throws ExecutionException, InterruptedException {
        Map<String, Integer> replayed = new TreeMap<>();
        List<ConsumerRecord<String, String>> selected = readAll(dlq(topicOrDlq)).stream()
                .filter(r -> ids == null || ids.contains(header(r, CloudEventHeaders.ID))).toList();
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        String at = Instant.now().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (ConsumerRecord<String, String> r : selected) {
                String original = header(r, DeadLetterHeaders.TOPIC);
                if (original == null) {
                    out.printf("Skipped %s-%d@%d: no %s header%n", r.topic(), r.partition(), r.offset(),
                            DeadLetterHeaders.TOPIC);
                    continue;
                }
                ProducerRecord<String, String> again = new ProducerRecord<>(original, r.key(), r.value());
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("dead-letter-") && !h.key().startsWith("loket-replayed-")) {
                        again.headers().add(h);
                    }
                }
                again.headers().add(REPLAYED_FROM, (r.topic() + "-" + r.partition() + "@" + r.offset())
                        .getBytes(StandardCharsets.UTF_8));
                again.headers().add(REPLAYED_AT, at.getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(again));
                replayed.merge(original, 1, Integer::sum);
            }
            for (var send : sends) {
                send.get();
            }
        }
        return replayed;
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
                .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "loket-dlq-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("No topic " + topic);
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** {@code contacts.received} and {@code contacts.received.dlq} both name the dead-letter topic. */
    private static String dlq(String topic) {
        return topic.endsWith(Topics.DLQ_SUFFIX) ? topic : Topics.deadLetterOf(topic);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
