package nl.loket.platform.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import kafka.server.BrokerServer;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka cluster in KRaft mode (combined broker and controller), run in this JVM from the
 * Kafka artifacts on Maven Central. Port 0 picks a free port.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final int fixedPort;

    private LocalKafka(KafkaClusterTestKit cluster, int fixedPort) {
        this.cluster = cluster;
        this.fixedPort = fixedPort;
    }

    /**
     * @param port      the client port, 0 for any free one
     * @param directory where the log directories go; {@code null} for a temporary one, deleted on close
     */
    public static LocalKafka start(int port, Path directory) throws Exception {
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                // The default would be a testing metadata version; pin what a production cluster runs.
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction());
        if (directory != null) {
            nodes.setBaseDirectory(directory);
        }
        if (port != 0) {
            // The test kit pre-binds its own broker and controller listeners on random ports; a fixed port is an
            // extra listener of our own, which binds normally and advertises itself to clients that use it.
            nodes.setPerServerProperties(Map.of(0, Map.of(
                    "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,LOCAL://localhost:" + port,
                    "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,LOCAL:PLAINTEXT")));
        }
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes.build())
                .setDeleteOnClose(directory == null)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                // Compacted knowledge topics should compact promptly on a laptop, too.
                .setConfigProp("log.cleaner.min.compaction.lag.ms", "0")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new LocalKafka(cluster, port);
    }

    /**
     * For test JVMs: a broker whose temporary log directory disappears while the JVM exits asks Kafka's {@code Exit}
     * to halt with status 1, and surefire then fails the module although every test passed (SUREFIRE-1817).
     * In a test JVM that is not worth a halt: report it and let the JVM finish.
     */
    public static void neverHaltTheJvm() {
        Exit.setHaltProcedure((status, message) ->
                System.err.println("Kafka asked to halt the JVM (" + status + "): " + message + "; ignored in tests"));
    }

    /**
     * Restarts the broker as an operator's rolling restart would, on the same ports and with its data kept: the
     * broker server is shut down (clients lose their connections) and started again. In the combined node only the
     * broker half restarts; the KRaft controller (the metadata quorum) keeps running, as the test kit offers no
     * restart of the controller.
     *
     * @param down how long the broker stays away between shutdown and startup
     */
    public void restartBroker(Duration down) throws Exception {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
        if (!down.isZero()) {
            Thread.sleep(down.toMillis()); // the outage itself: nothing to wait for
        }
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    public String bootstrapServers() {
        return fixedPort != 0 ? "localhost:" + fixedPort : cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
