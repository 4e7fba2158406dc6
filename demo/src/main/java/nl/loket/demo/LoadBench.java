package nl.loket.demo;

import java.io.IOException;
import java.net.URI;
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

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

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
        int warmupSeconds = 30;
        Path stateDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--producer-seconds" -> producerSeconds = Integer.parseInt(args[++i]);
                case "--drain-seconds" -> drainSeconds = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--state-dir" -> stateDir = Path.of(args[++i]);
                case "--repo" -> i++;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --rate N "
                        + "--seconds N --warmup-seconds N --producer-seconds N --drain-seconds N");
            }
        }
        if (rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("--rate and --seconds must be positive");
        }
        String bootstrap = "localhost:" + (9092 + portOffset);
        int postgresPort = 15432 + portOffset;
        LoketClient client = LoketClient.localDefaults(portOffset);
        String token = client.adapterToken("webform");
        URI intake = URI.create(client.intake + "/api/v1/contacts");

        System.out.printf(Locale.ROOT, "Load: %d contacts/s for %d s to %s (open model), municipality %s%n", rate,
                seconds, intake, MUNICIPALITY);
        RoutedWatcher watcher = new RoutedWatcher(bootstrap, MUNICIPALITY);
        watcher.start();

        // one event loop, keep-alive, a connection per request in flight (as many as the generator lets be in flight)
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(10_000)
                .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
        watcher.from(Instant.MAX); // nothing counts until the measured load starts
        if (warmupSeconds > 0) {
            // the JIT of six JVMs and the connection pools: not measured, its contacts received before the measured ones
            System.out.printf(Locale.ROOT, "Warm-up: %d s at %d contacts/s (not measured)%n", warmupSeconds, rate);
            Instant warmupFrom = Instant.now();
            Offered warmup = offer(http, intake, token, rate, warmupSeconds, 1_000_000L);
            warmup.awaitAnswers();
            // the warm-up's backlog must not be the measured load's: on until routing and metrics have it all
            long through = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(60, drainSeconds));
            while (watcher.decisions() < warmup.accepted.get() && System.nanoTime() < through) {
                Thread.sleep(200); // another process's progress: nothing to await but its records
            }
            counted(postgresPort, warmupFrom, warmup.accepted.get(), through);
            System.out.printf(Locale.ROOT, "Warm-up: %d accepted, routed and counted%n", warmup.accepted.get());
        }
        Instant measuredFrom = Instant.now();
        watcher.from(measuredFrom);
        Map<String, Double> cpuBefore = cpuSeconds(stateDir);
        // lag through the load: growing means the platform falls behind; level means it keeps up
        List<Long> lagSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        int lagEvery = Math.max(5, seconds / 10);
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> lagSamples.add(lag(bootstrap).values().stream().mapToLong(Long::longValue).sum()),
                lagEvery, lagEvery, TimeUnit.SECONDS);
        Offered load = offer(http, intake, token, rate, seconds, 0);
        sampler.shutdownNow();
        long start = load.start;
        long generated = load.generated;
        load.awaitAnswers();
        Recorder intakeLatency = load.latency;
        AtomicLong accepted = load.accepted;
        AtomicLong failed = load.failed;
        AtomicLong refused = load.refused;
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> lagEnd = lag(bootstrap);
        Map<String, Double> cpuAfter = cpuSeconds(stateDir);

        // the rest of the flow, for the end-to-end figures of every accepted contact
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (watcher.routed() < accepted.get() && System.nanoTime() < drainUntil) {
            Thread.sleep(200); // routing runs in its own process: polled, nothing to await here
        }
        watcher.stop();
        Counted counted = counted(postgresPort, measuredFrom, accepted.get(), drainUntil);

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
        row("receipt → counted by metrics p50 / p99 / max (ms); contacts counted",
                ms(counted.latency(), 50) + " / " + ms(counted.latency(), 99) + " / "
                        + fmt(counted.latency().getMaxValue() / 1000.0) + "; " + counted.latency().getTotalCount());
        row("consumer lag at the end of the load (records)", lagTotal + " " + lagEnd);
        row("consumer lag during the load, every " + lagEvery + " s (records)", lagSamples.toString());
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
        result.put("counted_p50_ms", round(counted.latency().getValueAtPercentile(50) / 1000.0, 1));
        result.put("counted_p99_ms", round(counted.latency().getValueAtPercentile(99) / 1000.0, 1));
        result.put("counted", counted.latency().getTotalCount());
        result.put("lag_end", lagTotal);
        result.put("lag_end_by_group", lagEnd);
        result.put("lag_samples", lagSamples);
        result.put("cpu_seconds", cpu);
        result.put("raw_producer_per_s", Double.isNaN(rawPerSecond) ? null : round(rawPerSecond, 0));
        System.out.println(JSON.writeValueAsString(result));
    }

    /** What one period of offered load gave: answers arrive after {@link #awaitAnswers()}. */
    static final class Offered {
        final Recorder latency = new Recorder(MAX_LATENCY_MS * 1000, 3);
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final List<CompletableFuture<?>> pending = new ArrayList<>();
        long start;
        long generated;

        void awaitAnswers() throws Exception {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(120, TimeUnit.SECONDS);
        }
    }

    /**
     * Offers {@code rate} contacts a second for {@code seconds} (open model: each at its intended time, whatever the
     * answers before it); intake latency from the intended send time.
     */
    static Offered offer(HttpClient http, URI intake, String token, int rate, int seconds, long firstIndex) {
        Offered o = new Offered();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        o.start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = o.start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                o.refused.incrementAndGet();
                continue;
            }
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(intake.toString())
                    .setTimeout(60_000).putHeader("Authorization", "Bearer " + token)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString());
            Buffer body = Buffer.buffer(contact(firstIndex + i));
            CompletableFuture<?> f = http.request(request)
                    .compose(r -> r.send(body).compose(response -> response.body().map(ignored -> response.statusCode())))
                    .toCompletionStage().toCompletableFuture()
                    .whenComplete((status, error) -> {
                        inFlight.release();
                        long micros = Math.max(1, (System.nanoTime() - intended) / 1000);
                        o.latency.recordValue(Math.min(micros, MAX_LATENCY_MS * 1000));
                        if (error == null && status / 100 == 2) {
                            o.accepted.incrementAndGet();
                        } else {
                            o.failed.incrementAndGet();
                        }
                    });
            if (i % 1000 == 0) {
                o.pending.removeIf(CompletableFuture::isDone);
            }
            o.pending.add(f);
        }
        o.generated = System.nanoTime();
        return o;
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
        /** Every hop-0 decision of the municipality since the start, warm-up included. */
        private final AtomicLong decisions = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile Instant from = Instant.MIN;
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
                        // three fields of every decision: read them without a JSON tree (the generator shares the cores)
                        String v = r.value();
                        if (!"0".equals(field(v, "\"hop\":")) || !v.contains("\"municipality\":\"" + municipality + "\"")) {
                            continue;
                        }
                        decisions.incrementAndGet();
                        Instant receivedAt = Instant.parse(field(v, "\"receivedAt\":"));
                        if (receivedAt.isBefore(from)) {
                            continue;
                        }
                        long micros = Duration.between(receivedAt, Instant.parse(field(v, "\"routedAt\":"))).toNanos() / 1000;
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

        long decisions() {
            return decisions.get();
        }

        /** The scalar value after {@code key} in compact JSON (quotes stripped); null when absent. */
        static String field(String json, String key) {
            int at = json.indexOf(key);
            if (at < 0) {
                return null;
            }
            int from = at + key.length();
            if (json.charAt(from) == '"') {
                return json.substring(from + 1, json.indexOf('"', from + 1));
            }
            int end = from;
            while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
                end++;
            }
            return json.substring(from, end).trim();
        }

        /** Only contacts received from then on count (not the warm-up's). */
        void from(Instant measuredFrom) {
            from = measuredFrom;
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

    /** Receipt → counted by metrics-service, per contact received since the measured start. */
    record Counted(Histogram latency) {
    }

    /**
     * When metrics-service counted each contact: its fact's {@code updated_at} (set when the hop-0 decision is folded
     * in; the bench's contacts are not handled, so nothing changes it later) minus its {@code received_at}, read from
     * metrics' own database once it has counted {@code expected} contacts (or the drain time is up).
     */
    static Counted counted(int postgresPort, Instant since, long expected, long drainUntilNanos) throws Exception {
        Histogram h = new Histogram(MAX_LATENCY_MS * 1000, 3);
        String url = "jdbc:postgresql://localhost:" + postgresPort + "/metrics";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            String where = " from contact_fact where municipality = ? and received_at >= ?";
            try (var count = c.prepareStatement("select count(*)" + where)) {
                count.setString(1, MUNICIPALITY);
                count.setObject(2, since.atOffset(java.time.ZoneOffset.UTC));
                while (System.nanoTime() < drainUntilNanos) {
                    try (var rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) >= expected) {
                            break;
                        }
                    }
                    Thread.sleep(200); // polling another process's database: nothing to await but its rows
                }
            }
            try (var rows = c.prepareStatement("select extract(epoch from (updated_at - received_at)) * 1000000" + where)) {
                rows.setString(1, MUNICIPALITY);
                rows.setObject(2, since.atOffset(java.time.ZoneOffset.UTC));
                try (var rs = rows.executeQuery()) {
                    while (rs.next()) {
                        h.recordValue(Math.max(1, Math.min(rs.getLong(1), MAX_LATENCY_MS * 1000)));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            System.err.println("metrics' counts not read: " + e.getMessage());
        }
        return new Counted(h);
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
        cpu.put("postgresql", postgresCpuSeconds());
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu.put("load generator", os.getProcessCpuTime() / 1e9); // this JVM: it shares the cores too
        }
        return new java.util.TreeMap<>(cpu);
    }

    /** CPU seconds of every PostgreSQL process (the platform's embedded server and its backends; none other runs). */
    static double postgresCpuSeconds() {
        double sum = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                } catch (IOException | RuntimeException gone) {
                    // a backend that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return sum;
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
