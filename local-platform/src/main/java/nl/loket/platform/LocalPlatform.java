package nl.loket.platform;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import nl.loket.platform.kafka.DeclaredTopics;
import nl.loket.platform.kafka.KafkaUsers;
import nl.loket.platform.kafka.LocalKafka;
import nl.loket.platform.keycloak.LocalKeycloak;
import nl.loket.platform.postgres.LocalPostgres;

/**
 * The whole platform on one machine: a real Kafka broker (KRaft) and a real PostgreSQL in this JVM, Keycloak, and the
 * packaged services as child processes (the five of the contact pipeline, then the workspace). Used by {@code ./loket
 * up} (as a process, see {@link #main}) and by the end-to-end tests (in-process). Closing it stops every process it started, then the broker and the database.
 */
public final class LocalPlatform implements AutoCloseable {

    /**
     * How the platform is laid out. {@code databaseProxy}: the services reach PostgreSQL through a {@link TcpProxy}
     * ({@link #databaseProxy()}), so that a chaos run can cut the database off and restore it. {@code jvm}: the
     * services' JVM flags ({@link Jvm}); tests and the chaos run start fast, {@code ./loket up} runs for throughput.
     */
    public record Options(Path repo, Path stateDir, int kafkaPort, int postgresPort, Map<String, Integer> ports,
            Map<String, List<String>> systemProperties, boolean databaseProxy, Jvm jvm) {

        public Options(Path repo, Path stateDir, int kafkaPort, int postgresPort, Map<String, Integer> ports,
                Map<String, List<String>> systemProperties) {
            this(repo, stateDir, kafkaPort, postgresPort, ports, systemProperties, false, Jvm.FAST_START);
        }

        public Options databaseProxy(boolean on) {
            return new Options(repo, stateDir, kafkaPort, postgresPort, ports, systemProperties, on, jvm);
        }

        public Options jvm(Jvm flags) {
            return new Options(repo, stateDir, kafkaPort, postgresPort, ports, systemProperties, databaseProxy, flags);
        }

        public int portOf(ServiceSpec service) {
            return ports.getOrDefault(service.name(), service.defaultPort());
        }
    }

    /** Dev-only secrets of the local platform: never used anywhere else. */
    static final String LOCAL_CITIZEN_REF_KEY = "local-platform-only-citizen-ref-key";
    /** The same as routing's %local value: also for a service run in another profile (the prod-refusal test). */
    static final String LOCAL_PSEUDONYM_SECRET = "local-platform-only-routing-pseudonym-secret";

    static final String WORKSPACE = "workspace";

    /**
     * The workspace calls these services per request, with the signed-in agent's token (REST client
     * {@code quarkus.rest-client.<name>.url}), at this platform's ports (offsets and the tests' free ports included);
     * its oidc-clients (counter and phone adapters) take the issuer from {@code quarkus.oidc.auth-server-url}.
     */
    static final Map<String, String> WORKSPACE_CALLS = Map.of("intake", "intake-service", "routing", "routing-service",
            "knowledge", "knowledge-service", "chain-team", "chain-team-service", "metrics", "metrics-service");

    private final Options options;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final TcpProxy databaseProxy;
    /** The OpenID provider (realm loket); set by startInfrastructure. */
    private LocalKeycloak keycloak;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalPlatform(Options options, LocalPostgres postgres, LocalKafka kafka, TcpProxy databaseProxy) {
        this.options = options;
        this.postgres = postgres;
        this.kafka = kafka;
        this.databaseProxy = databaseProxy;
    }

    /** Starts the infrastructure only; {@link #startServices()} starts the services. */
    public static LocalPlatform startInfrastructure(Options options) throws Exception {
        Path pgDir = options.stateDir().resolve("postgres");
        Path kafkaDir = options.stateDir().resolve("kafka");
        deleteRecursively(pgDir);
        deleteRecursively(kafkaDir);
        Files.createDirectories(options.stateDir().resolve("logs"));
        Files.createDirectories(options.stateDir().resolve("pids"));
        CompletableFuture<LocalKeycloak> keycloak = startKeycloak(options); // in parallel with the broker and PostgreSQL
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(options.postgresPort(), pgDir);
        } catch (Exception e) {
            keycloak.thenAccept(LocalKeycloak::close);
            throw e;
        }
        LocalPlatform platform;
        try {
            for (ServiceSpec service : ServiceSpec.WITH_DATABASE) {
                postgres.createDatabase(service.database().orElseThrow());
            }
            LocalKafka kafka = LocalKafka.start(options.kafkaPort(), kafkaDir);
            DeclaredTopics.create(kafka);
            TcpProxy proxy = options.databaseProxy() ? TcpProxy.start(postgres.host(), postgres.port()) : null;
            platform = new LocalPlatform(options, postgres, kafka, proxy);
        } catch (Exception e) {
            keycloak.thenAccept(LocalKeycloak::close);
            postgres.close();
            throw e;
        }
        try {
            platform.keycloak = keycloak.get();
        } catch (ExecutionException e) {
            platform.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return platform;
    }

    /** Keycloak on ports "keycloak" and "keycloak-management" of {@code ports} (./loket up: 8180/9180 + offset), else free ones. */
    private static CompletableFuture<LocalKeycloak> startKeycloak(Options options) throws IOException {
        int port = options.ports().containsKey("keycloak") ? options.ports().get("keycloak") : freePort();
        int management = options.ports().containsKey("keycloak-management") ? options.ports().get("keycloak-management") : freePort();
        CompletableFuture<LocalKeycloak> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(LocalKeycloak.start(options.repo(), options.stateDir(), port, management, false));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "keycloak-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The local OpenID provider: {@code issuer()}, {@code tokens()}. */
    public LocalKeycloak keycloak() {
        return keycloak;
    }

    /**
     * knowledge-service first, until ready (its seed is then on the knowledge topics), then the others: a
     * routing-service started alongside would route the first contacts with an empty knowledge view. The workspace
     * last: it needs nothing to be ready to start (it calls the others per request), so it only starts after them.
     */
    public void startServices() throws Exception {
        ServiceSpec knowledge = ServiceSpec.named("knowledge-service");
        startService(knowledge);
        awaitReady(knowledge, Duration.ofSeconds(180));
        for (ServiceSpec service : ServiceSpec.WITH_DATABASE) {
            if (!service.equals(knowledge)) {
                startService(service);
            }
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!service.hasDatabase()) {
                startService(service);
            }
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            awaitReady(service, Duration.ofSeconds(180));
        }
    }

    public void startService(ServiceSpec service) throws IOException {
        Path jar = service.jar(options.repo());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(options.jvm().flags());
        command.addAll(options.systemProperties().getOrDefault(service.name(), List.of()));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(options.repo().resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logOf(service.name()).toFile()));
        builder.environment().putAll(environmentOf(service));
        Process process = builder.start();
        processes.put(service.name(), process);
        Files.writeString(options.stateDir().resolve("pids").resolve(service.name() + ".pid"), Long.toString(process.pid()));
    }

    /** SIGKILL, as a crash would: no shutdown hooks, no graceful close. */
    public void kill(ServiceSpec service) throws InterruptedException {
        Process process = processes.remove(service.name());
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public void awaitReady(ServiceSpec service, Duration timeout) throws InterruptedException {
        URI ready = URI.create(managementUrl(service) + "/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(service.name());
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with " + process.exitValue() + "; see " + logOf(service.name()));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500); // polling a starting process; nothing to await but its port
        }
        throw new IllegalStateException(service.name() + " not ready within " + timeout + "; see " + logOf(service.name()));
    }

    public String baseUrl(ServiceSpec service) {
        return "http://localhost:" + options.portOf(service);
    }

    /** Where the service's health, metrics and OpenAPI document are (its management interface). */
    public String managementUrl(ServiceSpec service) {
        return "http://localhost:" + service.managementPortFor(options.portOf(service));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The broker: {@code adminClientProperties()} (super user) and {@code clientProperties(user)} (SCRAM). */
    public LocalKafka kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /** The proxy between the services and PostgreSQL ({@link Options#databaseProxy(boolean)}): cut() and restore(). */
    public TcpProxy databaseProxy() {
        if (databaseProxy == null) {
            throw new IllegalStateException("started without Options.databaseProxy(true)");
        }
        return databaseProxy;
    }

    /** Restarts the Kafka broker on the same port with its data kept ({@link LocalKafka#restartBroker}). */
    public void restartBroker(Duration down) throws Exception {
        kafka.restartBroker(down);
    }

    /** Whether the service's process runs (it may still be starting). */
    public boolean isRunning(ServiceSpec service) {
        Process process = processes.get(service.name());
        return process != null && process.isAlive();
    }

    public Path logOf(String name) {
        return options.stateDir().resolve("logs").resolve(name + ".log");
    }

    /**
     * The environment the platform starts the service with: ports, profile, issuer; the Kafka user for a service that
     * has one in deploy/, the database for a service that has one; the workspace the addresses of what it calls.
     */
    public Map<String, String> environmentOf(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(options.portOf(service)));
        // the local profile (a service refuses the loopback issuer in prod) and the local Keycloak's realm
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(service.managementPortFor(options.portOf(service))));
        if (KafkaUsers.names().contains(service.name())) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // SASL/SCRAM as the service's own KafkaUser of deploy/ (local password): only its own ACLs
            env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            env.put("KAFKA_SASL_MECHANISM", LocalKafka.SCRAM_MECHANISM);
            env.put("KAFKA_SASL_JAAS_CONFIG", LocalKafka.scramJaasConfig(service.name()));
        }
        if (service.hasDatabase()) {
            String database = service.database().orElseThrow();
            String dbHost = databaseProxy != null ? "localhost" : postgres.host();
            int dbPort = databaseProxy != null ? databaseProxy.port() : postgres.port();
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", LocalPostgres.reactiveUrl(dbHost, dbPort, database));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", LocalPostgres.jdbcUrl(dbHost, dbPort, database));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            env.put("LOKET_INTAKE_CITIZEN_REF_KEY", LOCAL_CITIZEN_REF_KEY);
            env.put("LOKET_ROUTING_PSEUDONYM_SECRET", LOCAL_PSEUDONYM_SECRET);
        }
        if (service.name().equals(WORKSPACE)) {
            env.putAll(workspaceEnvironment(options));
        }
        return env;
    }

    static Map<String, String> workspaceEnvironment(Options options) {
        Map<String, String> env = new TreeMap<>();
        WORKSPACE_CALLS.forEach((client, callee) -> env.put(
                "QUARKUS_REST_CLIENT_" + client.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL",
                "http://localhost:" + options.portOf(ServiceSpec.named(callee))));
        // the KPI dashboard, which the team-lead view links to (metrics-service serves it at /)
        env.put("LOKET_WORKSPACE_DASHBOARD_URL", "http://localhost:" + options.portOf(ServiceSpec.named("metrics-service")) + "/");
        return env;
    }

    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        try {
            deleteRecursively(options.stateDir().resolve("pids"));
        } catch (IOException ignored) {
            // best effort
        }
        if (databaseProxy != null) {
            closeQuietly(databaseProxy);
        }
        if (keycloak != null) {
            closeQuietly(keycloak);
        }
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * {@code ./loket up}: starts everything, prints what runs where, then {@code READY <run id>}, and keeps running
     * until SIGTERM/SIGINT. Options: --repo DIR --state-dir DIR --kafka-port N --postgres-port N --port-offset N (added
     * to every port) --policy GMxxxx=policy (repeatable) --jvm throughput|fast-start ({@link Jvm}) --run-id ID (echoed in the READY line, so that the caller
     * cannot take an earlier run's READY for this one's).
     */
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            // the broker's non-daemon threads would keep a failed launcher alive
            System.err.println("Could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path repo = Path.of(".").toAbsolutePath().normalize();
        Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "loket");
        int kafkaPort = 9092;
        int postgresPort = 15432;
        int portOffset = 0;
        String runId = "";
        Jvm jvm = Jvm.THROUGHPUT;
        List<String> routingProperties = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--state-dir" -> stateDir = Path.of(args[++i]);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--run-id" -> runId = args[++i];
                case "--jvm" -> jvm = Jvm.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
                case "--policy" -> {
                    String[] pair = args[++i].split("=", 2);
                    routingProperties.add("-Dloket.routing.policy-by-municipality." + pair[0] + "=" + pair[1]);
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            ports.put(service.name(), service.defaultPort() + portOffset);
        }
        ports.put("keycloak", LocalKeycloak.DEFAULT_PORT + portOffset);
        ports.put("keycloak-management", LocalKeycloak.DEFAULT_MANAGEMENT_PORT + portOffset);
        Options options = new Options(repo, stateDir, kafkaPort + portOffset, postgresPort + portOffset, ports,
                Map.of("routing-service", routingProperties), false, jvm);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalPlatform[] platform = new LocalPlatform[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (platform[0] != null) {
                platform[0].close();
            }
            System.out.println("STOPPED");
            stopped.countDown();
        }, "loket-platform-shutdown"));
        platform[0] = startInfrastructure(options);
        System.out.printf("kafka      %s%npostgresql localhost:%d (user postgres)%n", platform[0].bootstrapServers(),
                platform[0].postgres().port());
        System.out.printf("keycloak   %s   (realm %s; log %s)%n", platform[0].keycloak().issuer(), LocalKeycloak.REALM,
                platform[0].keycloak().log());
        platform[0].startServices();
        for (ServiceSpec service : ServiceSpec.ALL) {
            System.out.printf("%-19s %s   (log %s)%n", service.name(), platform[0].baseUrl(service), platform[0].logOf(service.name()));
        }
        System.out.println(runId.isEmpty() ? "READY" : "READY " + runId);
        System.out.flush();
        stopped.await();
    }
}
