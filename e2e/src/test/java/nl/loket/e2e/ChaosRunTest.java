package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.demo.ChaosRun;
import nl.loket.demo.LoketClient;
import nl.loket.platform.LocalPlatform;
import nl.loket.platform.ServiceSpec;

/**
 * The chaos run of {@code ./loket chaos}, small enough for the suite: contacts keep coming while every service is
 * SIGKILLed and restarted once, the broker is restarted once and PostgreSQL is cut off for 20 s. Every accepted
 * contact is routed, on its team topic and counted once; nothing is dead-lettered; every fault is recovered from.
 */
class ChaosRunTest {

    static LocalPlatform platform;
    static LoketClient client;

    @BeforeAll
    static void startPlatform() throws Exception {
        nl.loket.platform.kafka.LocalKafka.neverHaltTheJvm();
        Path repo = Path.of(System.getProperty("loket.repo", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), freePort()));
        platform = LocalPlatform.startInfrastructure(new LocalPlatform.Options(repo, repo.resolve("e2e/target/chaos-platform"),
                freePort(), freePort(), ports, Map.of()).databaseProxy(true));
        platform.startServices();
        client = LoketClient.of(platform);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void nothingAcceptedIsLostOrCountedTwiceThroughKillsABrokerRestartAndADatabaseCut() throws Exception {
        int contacts = Integer.getInteger("loket.chaos.contacts", 1500);
        ChaosRun.Settings settings = new ChaosRun.Settings(contacts, 4, 8, Duration.ofSeconds(20), Duration.ofSeconds(3),
                "GM9997", Duration.ofMinutes(5));

        ChaosRun.Result result = new ChaosRun(platform, client, settings).run();

        assertThat(result.notAccepted()).as("contacts never accepted").isZero();
        assertThat(result.accepted()).as("accepted").isEqualTo(contacts);
        assertThat(result.routed()).as("routed (hop 0)").isEqualTo(result.accepted());
        assertThat(result.onTeamTopics()).as("on team topics").isEqualTo(result.accepted());
        assertThat(result.countedByMetrics()).as("counted by metrics").isEqualTo(result.accepted());
        assertThat(result.countedTwice()).as("counted twice").isZero();
        assertThat(result.routedTwice()).as("routed under two event ids").isZero();
        assertThat(result.deadLetters()).as("dead letters of the run").isZero();
        assertThat(result.faults()).extracting(ChaosRun.Fault::name).hasSize(ServiceSpec.ALL.size() + 2);
        assertThat(result.ok()).isTrue();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
