package nl.loket.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.loket.platform.kafka.LocalKafka;

/**
 * {@code ./loket bench --rate R --seconds S}: one load benchmark against the running local platform. An open-model
 * generator (a fixed arrival rate, not closed-loop: a slow answer does not slow the next arrival) posts contacts to
 * intake as the web-form adapter; intake latency is measured from each contact's <em>intended</em> send time (so a
 * stall counts for every contact it delays, no coordinated omission), end to end from intake's receipt to routing's
 * decision on {@code contacts.routed} (the same moment it publishes the team topic: {@code routedAt − receivedAt} of
 * the event itself), both in HdrHistograms. At the end of the load: consumer lag per group, CPU seconds per service
 * (from /proc), and then, in the same run, the raw producer rate on the same broker (600-byte records, acks=all) so the
 * ratio is visible. The last line is one JSON object.
 */
public final class LoadBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MUNICIPALITY = "GM9906";
    private static final String RAW_TOPIC = "bench.raw-producer";
    private static final long MAX_LATENCY_MS = Duration.ofMinutes(10).toMillis();
    /** More contacts in flight than this: the generator counts them as refused instead of queueing without bound. */
    private static final int MAX_IN_FLIGHT = 4000;

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        int rate = 200;
        int seconds = 60;
        int portOffset = 0;
        int producerSeconds = 10;
        int drainSeconds = 60;
        Path stateDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--producer-seconds" -> producerSeconds = Integer.parseInt(args[++i]);
                case "--drain-seconds" -> drainSeconds = Integer.parseInt(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--state-dir" -> stateDir = Path.of(args[++i]);
                case "--repo" -> i++;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --rate N "
                        + "--seconds N --producer-seconds N --drain-seconds N");
            }
        }
        if (rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("--rate and --seconds must be positive");
        }
        String bootstrap = "localhost:" + (9092 + portOffset);
        LoketClient client = LoketClient.localDefaults(portOffset);
        String token = client.adapterToken("webform");
        URI intake = URI.create(client.intake + "/api/v1/contacts");

        System.out.printf(Locale.ROOT, "Load: %d contacts/s for %d s to %s (open model), municipality %s%n", rate,
                seconds, intake, MUNICIPALITY);
        RoutedWatcher watcher = new RoutedWatcher(bootstrap, MUNICIPALITY);
        watcher.start();
        Map<String, Double> cpuBefore = cpuSeconds(stateDir);

        Recorder intakeLatency = new Recorder(MAX_LATENCY_MS * 1000, 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                refused.incrementAndGet();
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(contact(i))).build();
            CompletableFuture<?> f = http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        long micros = Math.max(1, (System.nanoTime() - intended) / 1000);
                        intakeLatency.recordValue(Math.min(micros, MAX_LATENCY_MS * 1000));
                        if (error == null && response.statusCode() / 100 == 2) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    });
            if (i % 1000 == 0) {
                pending.removeIf(CompletableFuture::isDone);
            }
            pending.add(f);
        }
        long generated = System.nanoTime();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> lagEnd = lag(bootstrap);
        Map<String, Double> cpuAfter = cpuSeconds(stateDir);

        // the rest of the flow, for the end-to-end figures of every accepted contact
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (watcher.routed() < accepted.get() && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        watcher.stop();

        double rawPerSecond = producerSeconds > 0 ? rawProducer(bootstrap, producerSeconds) : Double.NaN;

        Histogram intakeH = intakeLatency.getIntervalHistogram();
        Histogram e2e = watcher.histogram();
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((service, after) -> cpu.put(service, round(after - cpuBefore.getOrDefault(service, 0.0), 1)));
        long lagTotal = lagEnd.values().stream().mapToLong(Long::longValue).sum();
        double acceptedPerSecond = accepted.get() / ((generated - start) / 1e9);

        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        row("offered rate (contacts/s) × seconds", rate + " × " + seconds);
        row("accepted / failed / refused by the generator (over " + MAX_IN_FLIGHT + " in flight)",
                accepted.get() + " / " + failed.get() + " / " + refused.get());
        row("accepted per second (over the offered period)", fmt(acceptedPerSecond));
        row("intake latency p50 / p99 / max (ms, from the intended send time)",
                ms(intakeH, 50) + " / " + ms(intakeH, 99) + " / " + fmt(intakeH.getMaxValue() / 1000.0));
        row("receipt → contacts.routed (= team topic) p50 / p99 / max (ms); decisions seen",
                ms(e2e, 50) + " / " + ms(e2e, 99) + " / " + fmt(e2e.getMaxValue() / 1000.0) + "; " + watcher.routed());
        row("consumer lag at the end of the load (records)", lagTotal + " " + lagEnd);
        row("CPU seconds during the load", cpu.toString());
        row("raw producer, same broker (600 B, acks=all, records/s)", fmt(rawPerSecond));
        System.out.println();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("seconds", seconds);
        result.put("load_seconds", round(loadSeconds, 1));
        result.put("accepted", accepted.get());
        result.put("failed", failed.get());
        result.put("refused", refused.get());
        result.put("accepted_per_s", round(acceptedPerSecond, 1));
        result.put("intake_p50_ms", round(intakeH.getValueAtPercentile(50) / 1000.0, 1));
        result.put("intake_p99_ms", round(intakeH.getValueAtPercentile(99) / 1000.0, 1));
        result.put("e2e_p50_ms", round(e2e.getValueAtPercentile(50) / 1000.0, 1));
        result.put("e2e_p99_ms", round(e2e.getValueAtPercentile(99) / 1000.0, 1));
        result.put("routed", watcher.routed());
        result.put("lag_end", lagTotal);
        result.put("lag_end_by_group", lagEnd);
        result.put("cpu_seconds", cpu);
        result.put("raw_producer_per_s", Double.isNaN(rawPerSecond) ? null : round(rawPerSecond, 0));
        System.out.println(JSON.writeValueAsString(result));
    }

    private static String contact(long i) {
        return "{\"municipality\":\"" + MUNICIPALITY + "\",\"channel\":\"WEB_FORM\",\"adapterId\":\"webform\","
                + "\"text\":\"Er ligt al dagen grofvuil naast de container in onze straat, nummer " + (i % 500) + ".\"}";
    }

    /** Reads contacts.routed from its end as the platform's Kafka super user; decisions of the bench municipality. */
    static final class RoutedWatcher {
        private final String bootstrap;
        private final String municipality;
        private final Recorder latency = new Recorder(MAX_LATENCY_MS * 1000, 3);
        private final Histogram total = new Histogram(MAX_LATENCY_MS * 1000, 3);
        private final AtomicLong routed = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        private Thread thread;

        RoutedWatcher(String bootstrap, String municipality) {
            this.bootstrap = bootstrap;
            this.municipality = municipality;
        }

        void start() throws InterruptedException {
            thread = new Thread(this::run, "bench-routed-watcher");
            thread.setDaemon(true);
            thread.start();
            assigned.await(30, TimeUnit.SECONDS);
        }

        private void run() {
            Properties props = admin(bootstrap);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions = consumer.partitionsFor("contacts.routed").stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.value() == null || !r.value().contains(municipality)) {
                            continue;
                        }
                        JsonNode d = JSON.readTree(r.value());
                        if (d.path("hop").asInt() != 0 || !municipality.equals(d.path("municipality").asText())) {
                            continue;
                        }
                        long micros = Duration.between(Instant.parse(d.path("receivedAt").asText()),
                                Instant.parse(d.path("routedAt").asText())).toNanos() / 1000;
                        latency.recordValue(Math.max(1, Math.min(micros, MAX_LATENCY_MS * 1000)));
                        routed.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                System.err.println("contacts.routed watcher stopped: " + e);
                assigned.countDown();
            }
        }

        long routed() {
            return routed.get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }

        Histogram histogram() {
            total.add(latency.getIntervalHistogram());
            return total;
        }
    }

    /** Lag per consumer group of the platform's services: end offset minus committed offset, summed over partitions. */
    static Map<String, Long> lag(String bootstrap) {
        Map<String, Long> lag = new LinkedHashMap<>();
        try (Admin admin = Admin.create(admin(bootstrap))) {
            for (var listing : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                String group = listing.groupId();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(30, TimeUnit.SECONDS);
                long sum = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        sum += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lag.put(group, sum);
            }
        } catch (Exception e) {
            System.err.println("consumer lag not read: " + e);
        }
        return new java.util.TreeMap<>(lag);
    }

    /** The broker's own rate on this machine: 600-byte records, acks=all, as fast as one producer goes. */
    static double rawProducer(String bootstrap, int seconds) throws Exception {
        Properties props = admin(bootstrap);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        byte[] value = new byte[600];
        java.util.Arrays.fill(value, (byte) 'x');
        AtomicLong acked = new AtomicLong();
        long start;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            start = System.nanoTime();
            long until = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, value), (m, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        try (Admin admin = Admin.create(admin(bootstrap))) {
            admin.deleteTopics(Set.of(RAW_TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
        return acked.get() / ((end - start) / 1e9);
    }

    /** CPU seconds (user + system) per service process of the local platform, from /proc/<pid>/stat. */
    static Map<String, Double> cpuSeconds(Path stateDir) {
        Map<String, Double> cpu = new ConcurrentHashMap<>();
        if (stateDir == null || !Files.isDirectory(stateDir.resolve("pids"))) {
            return cpu;
        }
        try (var files = Files.list(stateDir.resolve("pids"))) {
            List<Path> pidFiles = new ArrayList<>(files.toList());
            // the launcher: the broker (in process), Keycloak's and PostgreSQL's parent
            pidFiles.add(stateDir.resolve("platform.pid"));
            for (Path pidFile : pidFiles) {
                String name = pidFile.getFileName().toString().replace(".pid", "").replace("platform", "platform (broker)");
                try {
                    String stat = Files.readString(Path.of("/proc", Files.readString(pidFile).trim(), "stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after the command: state is field 3, utime 14 and stime 15 (1-based over the whole line)
                    cpu.put(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
                } catch (IOException | RuntimeException e) {
                    // a service that is not running: no figure
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return new java.util.TreeMap<>(cpu);
    }

    private static Properties admin(String bootstrap) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.adminJaasConfig());
        return props;
    }

    private static void row(String name, String value) {
        System.out.println("| " + name + " | " + value + " |");
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "–" : fmt(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.1f", d);
    }

    private static double round(double d, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(d * f) / f;
    }
}
