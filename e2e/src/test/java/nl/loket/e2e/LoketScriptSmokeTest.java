package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import nl.loket.platform.ServiceSpec;

/**
 * The ./loket script as a newcomer uses it, on ports shifted by 10000 so it cannot meet a platform that a developer
 * runs: up over an earlier run's log, a small demo day, the four KCC models, a routing evaluation, a second up, a
 * token, status, and down leaving no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoketScriptSmokeTest {

    static final Path REPO = Path.of(System.getProperty("loket.repo", "..")).toAbsolutePath().normalize();
    static final Path STATE = REPO.resolve("e2e/target/loket-smoke");
    static final int PORT_OFFSET = 10000;

    /**
     * The first {@code up} finds the log of an earlier run ending in its READY line (seeded here, as a platform that
     * ran before leaves it) and must not take that for its own (it once did, when it looked at the log before the new
     * launcher had truncated it, and returned while no service answered). So no waiting: when {@code up} has
     * returned, every service is ready. Then the demo day on that platform.
     */
    @Test
    @Order(1)
    void upDemoSimulateEvaluateTokenStatusAndDownWorkAndLeaveNoProcessBehind() throws Exception {
        Path log = STATE.resolve("logs/platform.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "an earlier run of the platform\nREADY 1-1\n");

        loket(600, "up");
        assertEveryServiceIsReady();

        String demo = loket(600, "demo", "--contacts", "80", "--seconds", "15", "--seed", "7");
        assertThat(demo).contains("Direct-handling share").contains("Digital share").contains("same-day")
                .contains("FIRST_LINE").contains("Dashboard: http://localhost:18085/")
                .contains("Werkplek (the agents' workspace): http://localhost:18086/").contains("agent-belastingen / agent-belastingen-local-secret")
                .contains("teamlead-kcc / teamlead-kcc-local-secret");

        assertThat(loket(60, "up")).contains("already running");
        String simulate = loket(600, "simulate", "--contacts", "40", "--seconds", "10", "--seed", "7");
        assertThat(simulate).contains("one-kcc").contains("stuck-in-the-middle").contains("switchboard-plus")
                .contains("chain-specialised-kcc").contains("direct-handling share").contains("Reading:");
        String evaluation = loket(300, "evaluate", REPO.resolve("routing-service/src/test/resources/eval/dev-set.csv").toString());
        assertThat(evaluation.toLowerCase()).contains("accuracy").contains("confusion");
        // the load benchmark as a smoke (never a speed): its last line is one JSON object with the agreed fields
        String bench = loket(300, "bench", "--rate", "20", "--seconds", "3", "--warmup-seconds", "0", "--producer-seconds", "1",
                "--drain-seconds", "30");
        String[] benchLines = bench.trim().split("\n");
        com.fasterxml.jackson.databind.JsonNode figures = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(benchLines[benchLines.length - 1]);
        assertThat(figures.fieldNames()).toIterable().contains("rate", "seconds", "accepted_per_s", "intake_p99_ms",
                "e2e_p99_ms", "counted_p99_ms", "lag_end", "lag_samples", "raw_producer_per_s");
        assertThat(figures.path("rate").asInt()).isEqualTo(20);
        assertThat(loket(60, "status")).contains("intake-service").contains("http://localhost:18081").contains("workspace")
                .contains("http://localhost:18086");
        assertThat(loket(120, "token", "omgeving").trim()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(loket(120, "dlq", "list")).contains("dead-letter topic").contains("contacts.received.dlq")
                .contains("team.contacts.dlq");
        // the demo's agents read their queues and items: chain-team's processing log has it, read as the operator
        assertThat(loket(120, "privacy", "log", "--limit", "5")).contains("logged at").contains("chain-team-service");
        assertThat(loket(30, "kafka-config", "partner-ggd")).contains("bootstrap.servers=localhost:19092")
                .contains("sasl.username=partner-ggd").contains("sasl.password=partner-ggd-local-secret");
        // the README's partner example with a real librdkafka client: the GGD reads its team's topic, not the intake's
        kcatAsPartnerGgd(30, "-C -t team.sociaal-domein.contacts -o beginning -e -q -f '%k\\n'");
        assertThatThrownBy(() -> kcatAsPartnerGgd(30, "-C -t contacts.received -o beginning -e -q"))
                .hasMessageContaining("uthoriz");

        List<Long> pids = startedPids();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(6);
        assertThat(loket(120, "down")).contains("stopped");
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process " + pid).isFalse();
        }
    }

    /** /q/health/ready of each service, asked once (0: no answer): all 200. */
    private static void assertEveryServiceIsReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Integer> status = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            URI ready = URI.create("http://localhost:" + service.managementPortFor(service.defaultPort() + PORT_OFFSET) + "/q/health/ready");
            try {
                status.put(service.name(), http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException notAnswering) {
                status.put(service.name(), 0);
            }
        }
        assertThat(status).as("/q/health/ready of each service right after up returned (0: no answer)")
                .allSatisfy((service, code) -> assertThat(code).as(service).isEqualTo(200));
    }

    @AfterAll
    static void downAnyway() throws Exception {
        loket(120, "down");
    }

    private static List<Long> startedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        pids.add(Long.parseLong(Files.readString(STATE.resolve("platform.pid")).trim()));
        try (var files = Files.list(STATE.resolve("pids"))) {
            for (Path file : files.toList()) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    /** kcat with the config of {@code ./loket kafka-config partner-ggd}; fails (AssertionError) when kcat does. */
    private static String kcatAsPartnerGgd(int timeoutSeconds, String kcatArgs) throws Exception {
        Path config = STATE.resolve("partner-ggd.kcat");
        Files.writeString(config, loket(30, "kafka-config", "partner-ggd"));
        Path log = Files.createTempFile(STATE, "kcat-", ".log");
        Process process = new ProcessBuilder("bash", "-c", "kcat -F " + config + " " + kcatArgs).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        if (!finished || process.exitValue() != 0 || output.contains("ERROR")) {
            throw new AssertionError("kcat " + kcatArgs + " failed:\n" + output);
        }
        return output.lines().filter(l -> !l.startsWith("%")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String loket(int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("loket").toString()));
        command.addAll(List.of(args));
        Files.createDirectories(STATE);
        Path log = Files.createTempFile(STATE, "loket-" + args[0] + "-", ".log");
        // output to a file: a full pipe must not stall the script
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LOKET_STATE_DIR", STATE.toString());
        builder.environment().put("LOKET_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        builder.environment().put("LOKET_JVM", "fast-start"); // a smoke: start fast, never measure speed
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("./loket " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s:\n" + output);
        }
        assertThat(process.exitValue()).as("./loket " + String.join(" ", args) + "\n" + output).isZero();
        return output;
    }
}
