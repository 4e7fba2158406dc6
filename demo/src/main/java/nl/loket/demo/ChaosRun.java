package nl.loket.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.platform.LocalPlatform;
import nl.loket.platform.ServiceSpec;

/**
 * The chaos run ({@code ./loket chaos}, and the chaos test of the end-to-end {@code PlatformEndToEndTest}): contacts keep coming at a steady
 * rate, posted as a channel adapter does (retried with the same Idempotency-Key until 202), while every service is
 * SIGKILLed and restarted once, the Kafka broker is restarted once and PostgreSQL is cut off for a while. For each
 * fault it measures the time until every service is ready again; afterwards it waits (bounded) until every accepted
 * contact is routed, on a team topic and counted by metrics-service, and checks that nothing was lost, nothing
 * counted twice and nothing dead-lettered.
 */
public final class ChaosRun {

    /** What to run. {@code municipality}: a simulation id of the run's own, so earlier contacts do not count. */
    public record Settings(int contacts, int threads, double perSecond, Duration databaseOutage, Duration brokerDown,
            String municipality, Duration settleTimeout) {

        public static Settings of(int contacts, Duration databaseOutage) {
            return new Settings(contacts, 4, 40, databaseOutage, Duration.ofSeconds(5), "GM9998", Duration.ofMinutes(10));
        }

        public Settings withRate(double perSecond) {
            return new Settings(contacts, threads, perSecond, databaseOutage, brokerDown, municipality, settleTimeout);
        }

        public Settings withMunicipality(String code) {
            return new Settings(contacts, threads, perSecond, databaseOutage, brokerDown, code, settleTimeout);
        }
    }

    /** One fault: what, when after the start, how long it lasted, and the time from its end until all were ready. */
    public record Fault(String name, Duration at, Duration outage, Duration recovery) {
    }

    /** The figures of a run. */
    public record Result(int contacts, int accepted, int routed, int onTeamTopics, long countedByMetrics,
            long countedTwice, int routedTwice, int deadLetters, int notAccepted, List<Fault> faults, Duration elapsed) {

        public int lost() {
            return accepted - Math.min(Math.min(routed, onTeamTopics), (int) Math.min(countedByMetrics, accepted));
        }

        /** accepted = routed = on team topics = counted, nothing twice, nothing dead-lettered, every contact accepted. */
        public boolean ok() {
            return notAccepted == 0 && accepted == contacts && routed == accepted && onTeamTopics == accepted
                    && countedByMetrics == accepted && countedTwice == 0 && routedTwice == 0 && deadLetters == 0;
        }
    }

    private static final String[][] SHAPES = {
            {"PHONE", "ivrChoice", "kcc", "Wat kost een nieuw paspoort?"},
            {"WEB_FORM", "productCode", "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_kap", "Een vraag over mijn aanvraag."},
            {"PHONE", "ivrChoice", "belastingen", "Ik bel over mijn aanslag."},
            {"COUNTER", "deskTopic", "sociaal-domein", "Ik kom voor mijn Wmo-aanvraag."},
            {"EMAIL", "deskTopic", "kcc", "Hoe vraag ik een rijbewijs aan?"},
    };

    private final LocalPlatform platform;
    private final LoketClient client;
    private final Settings settings;
    private final ObjectMapper json = EventJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String runId = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> acceptedByKey = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final List<Fault> faults = new ArrayList<>();
    private Instant start;

    public ChaosRun(LocalPlatform platform, LoketClient client, Settings settings) {
        this.platform = platform;
        this.client = client;
        this.settings = settings;
    }

    public Result run() throws Exception {
        start = Instant.now();
        log("run %s: %d contacts for %s at %.0f/s from %d threads; faults: SIGKILL each of %d services, broker restart, "
                + "database cut of %d s", runId, settings.contacts(), settings.municipality(), settings.perSecond(),
                settings.threads(), ServiceSpec.WITH_DATABASE.size(), settings.databaseOutage().toSeconds());
        ExecutorService senders = Executors.newFixedThreadPool(settings.threads());
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            int thread = t;
            work.add(senders.submit(() -> send(thread)));
        }
        try {
            runFaults();
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }
        log("all %d contacts posted (%d accepted); waiting until they are routed, on team topics and counted",
                settings.contacts(), acceptedByKey.size());
        return settle();
    }

    // ---- the load: a channel adapter that retries with the same key until 202 ----

    private void send(int thread) {
        long intervalNanos = (long) (1_000_000_000L * settings.threads() / settings.perSecond());
        long next = System.nanoTime();
        for (int i = thread; i < settings.contacts(); i += settings.threads()) {
            pace(next);
            next += intervalNanos;
            String[] shape = SHAPES[i % SHAPES.length];
            ObjectNode body = client.object().put("municipality", settings.municipality()).put("channel", shape[0])
                    .put("text", shape[3] + " (" + runId + " #" + i + ")").put(shape[1], shape[2]);
            String key = runId + "-" + i;
            Instant giveUp = Instant.now().plus(settings.settleTimeout());
            long backoff = 100;
            while (true) {
                LoketClient.Answer answer = client.submit(body, key);
                if (answer.status() == 202 && answer.body() != null) {
                    acceptedByKey.put(key, answer.body().path("contactId").asText());
                    break;
                }
                boolean retryable = answer.status() == 0 || answer.status() == 503 || answer.status() >= 500;
                if (!retryable || Instant.now().isAfter(giveUp) || Thread.currentThread().isInterrupted()) {
                    log("contact %s not accepted: %d %s", key, answer.status(), answer.body());
                    gaveUp.incrementAndGet();
                    break;
                }
                pause(backoff); // an adapter's back-off before it retries with the same key
                backoff = Math.min(2000, backoff * 2);
            }
            sent.incrementAndGet();
        }
    }

    private static void pace(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            pause(wait / 1_000_000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // load pacing and adapter back-off, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the faults, one after the other, each followed by the time until every service is ready ----

    /** The infrastructure faults first, so that they surely fall while contacts keep coming; then the kills. */
    private void runFaults() throws Exception {
        awaitSent(Math.max(1, settings.contacts() / 20));
        Instant cutAt = Instant.now();
        platform.databaseProxy().cut();
        log("database cut off for %d s", settings.databaseOutage().toSeconds());
        pause(settings.databaseOutage().toMillis()); // the outage itself
        platform.databaseProxy().restore();
        recordFault("PostgreSQL cut off", cutAt, Instant.now());
        Instant brokerAt = Instant.now();
        platform.restartBroker(settings.brokerDown());
        recordFault("Kafka broker restart", brokerAt, Instant.now());
        // the services of the contact pipeline (each with its data); the workspace holds none
        for (ServiceSpec service : ServiceSpec.WITH_DATABASE) {
            Instant at = Instant.now();
            platform.kill(service);
            platform.startService(service);
            recordFault("SIGKILL " + service.name(), at, at);
        }
    }

    private void recordFault(String name, Instant at, Instant over) {
        Instant ready = awaitAllReady(Duration.ofMinutes(10));
        Fault fault = new Fault(name, Duration.between(start, at), Duration.between(at, over), Duration.between(over, ready));
        faults.add(fault);
        log("%-28s at %5.1f s: recovered after %5.1f s (%d of %d contacts posted)", name, seconds(fault.at()),
                seconds(fault.recovery()), sent.get(), settings.contacts());
    }

    private void awaitSent(int count) {
        while (sent.get() < count) {
            pause(100); // polling the load's own counter
        }
    }

    /** Polls every service's readiness until all are UP; the instant they were. */
    private Instant awaitAllReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ServiceSpec.ALL.stream().allMatch(this::ready)) {
                return Instant.now();
            }
            pause(250);
        }
        throw new IllegalStateException("not every service ready within " + timeout);
    }

    private boolean ready(ServiceSpec service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(platform.managementUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- afterwards: routed, on team topics, counted, nothing twice, nothing dead-lettered ----

    private Result settle() {
        Set<String> accepted = new HashSet<>(acceptedByKey.values());
        Map<String, Set<String>> routedEventIds = new HashMap<>();
        Set<String> onTeams = new HashSet<>();
        Set<String> deadLettered = new HashSet<>();
        long counted = 0;
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        try (TopicReader routed = new TopicReader(platform.kafka().adminClientProperties(), List.of(Topics.CONTACTS_ROUTED));
             TopicReader teams = new TopicReader(platform.kafka().adminClientProperties(), topics(t -> t.startsWith("team.") && t.endsWith(".contacts")));
             TopicReader dlq = new TopicReader(platform.kafka().adminClientProperties(), topics(t -> t.endsWith(Topics.DLQ_SUFFIX)))) {
            do {
                routed.poll(r -> {
                    if (accepted.contains(r.key()) && hopOf(r.value()) == 0) {
                        routedEventIds.computeIfAbsent(r.key(), k -> new HashSet<>()).add(header(r, "ce_id"));
                    }
                });
                teams.poll(r -> {
                    if (accepted.contains(r.key())) {
                        onTeams.add(r.key());
                    }
                });
                dlq.poll(r -> {
                    if (accepted.contains(r.key()) || (r.value() != null && r.value().contains(runId))) {
                        deadLettered.add(r.topic() + "/" + r.partition() + "/" + r.offset());
                    }
                });
                JsonNode summary = client.summary("municipality=" + settings.municipality()).body();
                counted = summary == null ? counted : summary.path("received").asLong();
                if (routedEventIds.size() == accepted.size() && onTeams.size() == accepted.size() && counted >= accepted.size()) {
                    break;
                }
                pause(1000); // the consumers and metrics catch up; poll again
            } while (Instant.now().isBefore(deadline));
        }
        int routedTwice = (int) routedEventIds.values().stream().filter(ids -> ids.size() > 1).count();
        Result result = new Result(settings.contacts(), accepted.size(), routedEventIds.size(), onTeams.size(), counted,
                Math.max(0, counted - accepted.size()), routedTwice, deadLettered.size(), gaveUp.get(), List.copyOf(faults),
                Duration.between(start, Instant.now()));
        print(result);
        return result;
    }

    private List<String> topics(java.util.function.Predicate<String> which) {
        Properties props = TopicReader.properties(platform.kafka().adminClientProperties());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            return consumer.listTopics(Duration.ofSeconds(30)).keySet().stream().filter(which).sorted().toList();
        }
    }

    private int hopOf(String value) {
        try {
            return json.readTree(value).path("hop").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header header = r.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void print(Result r) {
        System.out.println();
        System.out.println("Chaos run " + runId + " (" + settings.municipality() + ")");
        System.out.printf("%-30s %10s %12s%n", "fault (how long away)", "at (s)", "recovery (s)");
        for (Fault f : r.faults()) {
            System.out.printf("%-30s %10.1f %12.1f%n", f.name() + (f.outage().toSeconds() >= 1
                    ? " (" + f.outage().toSeconds() + " s)" : ""), seconds(f.at()), seconds(f.recovery()));
        }
        System.out.println();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("runId", runId);
        figures.put("contacts", r.contacts());
        figures.put("accepted", r.accepted());
        figures.put("routed", r.routed());
        figures.put("onTeamTopics", r.onTeamTopics());
        figures.put("countedByMetrics", r.countedByMetrics());
        figures.put("lost", r.lost());
        figures.put("countedTwice", r.countedTwice());
        figures.put("routedTwice", r.routedTwice());
        figures.put("deadLetters", r.deadLetters());
        figures.put("notAccepted", r.notAccepted());
        figures.forEach((k, v) -> {
            if (!k.equals("runId")) {
                System.out.printf("%-30s %10s%n", k, v);
            }
        });
        System.out.printf("%-30s %10.1f%n", "elapsed (s)", seconds(r.elapsed()));
        System.out.println(r.ok() ? "OK: nothing lost, nothing counted twice, nothing dead-lettered" : "NOT OK");
        Map<String, Double> recovery = new LinkedHashMap<>();
        r.faults().forEach(f -> recovery.put(f.name(), Math.round(seconds(f.recovery()) * 10) / 10.0));
        figures.put("recoverySeconds", recovery);
        figures.put("databaseOutageSeconds", settings.databaseOutage().toSeconds());
        figures.put("elapsedSeconds", Math.round(seconds(r.elapsed())));
        figures.put("ok", r.ok());
        try {
            System.out.println("CHAOS " + json.writeValueAsString(figures));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.flush();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private void log(String format, Object... args) {
        System.out.printf("[chaos %6.1f s] %s%n", start == null ? 0 : seconds(Duration.between(start, Instant.now())),
                String.format(format, args));
        System.out.flush();
    }

    /** Reads topics from the beginning, without a consumer group, a little more at each {@link #poll}. */
    private static final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;

        TopicReader(Properties client, List<String> topics) {
            consumer = new KafkaConsumer<>(properties(client), new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** {@code client}: the broker's super user (the run checks every topic, which no one user may read). */
        static Properties properties(Properties client) {
            Properties props = new Properties();
            props.putAll(client);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            return props;
        }

        void poll(java.util.function.Consumer<ConsumerRecord<String, String>> each) {
            if (consumer.assignment().isEmpty()) {
                return;
            }
            int n;
            do {
                var records = consumer.poll(Duration.ofMillis(500));
                n = records.count();
                records.forEach(each);
            } while (n > 0);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * {@code ./loket chaos}: starts a platform of its own (PostgreSQL behind a proxy), runs the chaos run, prints the
     * table and a {@code CHAOS {...}} JSON line, stops the platform; exit status 0 only if nothing was lost.
     * Options: --repo DIR --state-dir DIR --port-offset N --contacts N (20000) --db-outage-seconds S (120)
     * --rate PER_SECOND (40).
     */
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".").toAbsolutePath().normalize();
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "loket-chaos");
        int offset = 0;
        int contacts = 20_000;
        int outage = 120;
        double rate = 40;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--state-dir" -> stateDir = Path.of(args[++i]);
                case "--port-offset" -> offset = Integer.parseInt(args[++i]);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--db-outage-seconds" -> outage = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            ports.put(service.name(), service.defaultPort() + offset);
        }
        LocalPlatform.Options options = new LocalPlatform.Options(repo, stateDir, 9092 + offset, 15432 + offset, ports, Map.of())
                .databaseProxy(true);
        System.out.println("Starting Kafka, PostgreSQL (behind a proxy), Keycloak and the services (state in " + stateDir + ")…");
        LocalPlatform platform = LocalPlatform.startInfrastructure(options);
        // Ctrl-C or SIGTERM mid-run: stop the services, the broker and the database all the same
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "chaos-platform-shutdown"));
        platform.startServices();
        boolean ok = new ChaosRun(platform, LoketClient.of(platform),
                Settings.of(contacts, Duration.ofSeconds(outage)).withRate(rate)).run().ok();
        System.exit(ok ? 0 : 1);
    }
}
