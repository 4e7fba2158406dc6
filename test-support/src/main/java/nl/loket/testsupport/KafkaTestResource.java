package nl.loket.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import nl.loket.platform.kafka.DeclaredTopics;
import nl.loket.platform.kafka.LocalKafka;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: started once per test JVM and shared by all test classes, so a
 * restart of the application between test classes does not cost a new broker.
 * Usage: {@code @WithKafkaAndPostgres(database = …)}, or {@code @QuarkusTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafka kafka;

    /** The running broker's bootstrap servers, starting it if needed (for test clients). */
    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            LocalKafka.neverHaltTheJvm();
            try {
                kafka = LocalKafka.start(0, null);
                DeclaredTopics.create(kafka.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the local Kafka broker", e);
            }
            LocalKafka started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }, "local-kafka-shutdown"));
        }
        return kafka.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM; closed at JVM exit
    }
}
