package nl.loket.platform.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Optional;
import java.security.Provider;
import java.security.Security;

import kafka.server.BrokerServer;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.internals.ScramSaslClientProvider;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka cluster in KRaft mode (combined broker and controller), run in this JVM from the
 * Kafka artifacts on Maven Central. Port 0 picks a free port.
 *
 * <p>Secured as the production cluster is: SASL on every listener, the StandardAuthorizer with
 * {@code allow.everyone.if.no.acl.found=false}, and exactly the users and ACLs of deploy/'s KafkaUser manifests
 * ({@link KafkaUsers}), each user with SCRAM-SHA-512 and the local-only password {@link #localPassword}. The super
 * user is the test kit's ({@value #ADMIN_USER}, SASL/PLAIN, {@link #adminClientProperties()}): for topic creation,
 * tools and tests' assertions, never for a service. The fixed-port listener ({@code LOCAL}, what {@code ./loket up}
 * offers) accepts SCRAM-SHA-512 only; the test kit's own listener accepts PLAIN (the super user, inter-broker) and
 * SCRAM-SHA-512.
 */
public final class LocalKafka implements AutoCloseable {

    /** The test kit's super user (SASL/PLAIN, static JAAS of the test kit). */
    public static final String ADMIN_USER = "plain-admin";
    static final String ADMIN_PASSWORD = "plain-admin-secret";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /**
     * System property prefix: {@code <prefix><bootstrap servers>} = the super user's bootstrap servers, for every
     * broker running in this JVM. A system property, not a static field: Quarkus tests load these classes once per
     * application class loader, and test helpers of another class loader must find the broker too.
     */
    private static final String RUNNING = "loket.local-kafka.admin-bootstrap.";

    private final KafkaClusterTestKit cluster;
    private final int fixedPort;

    private LocalKafka(KafkaClusterTestKit cluster, int fixedPort) {
        this.cluster = cluster;
        this.fixedPort = fixedPort;
    }

    /** The local-only password of a Kafka user: {@code <user>-local-secret}. Never used outside this machine. */
    public static String localPassword(String user) {
        return user + "-local-secret";
    }

    /** {@code sasl.jaas.config} of a user with SCRAM (its local password). */
    public static String scramJaasConfig(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + localPassword(user) + "\";";
    }

    /** {@code sasl.jaas.config} of the super user (PLAIN). */
    public static String adminJaasConfig() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN_USER
                + "\" password=\"" + ADMIN_PASSWORD + "\";";
    }

    /**
     * The super user's client settings of the broker running in this JVM (started by any class loader) that offers
     * {@code bootstrapServers}, if there is one.
     */
    public static Optional<Properties> adminClientPropertiesOf(String bootstrapServers) {
        return Optional.ofNullable(System.getProperty(RUNNING + bootstrapServers)).map(LocalKafka::adminClientProperties);
    }

    /** Client settings of a user of deploy/ (SCRAM, its local password) on {@code bootstrapServers}. */
    public static Properties clientProperties(String bootstrapServers, String user) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(securityProperties(user));
        return props;
    }

    /**
     * Makes this class loader's SCRAM SASL client the JVM's. Kafka registers its SASL mechanisms as JVM-wide security
     * providers, the first registration wins, and a client of one class loader cannot use another's (its callbacks are
     * other classes): in a Quarkus test JVM each application (test profile) has a class loader of its own, so the
     * test resource calls this before each application starts. The broker's server-side providers stay those of the
     * class loader that started it, which it keeps using.
     */
    public static synchronized void useThisClassLoadersSaslClients() {
        String name = "SASL/SCRAM Client Provider"; // ScramSaslClientProvider's
        Provider registered = Security.getProvider(name);
        if (registered != null && registered.getClass() != ScramSaslClientProvider.class) {
            Security.removeProvider(name);
        }
        ScramSaslClientProvider.initialize(); // registers ours unless it is registered already
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
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                // SASL on the broker and controller listeners: the test kit then runs the StandardAuthorizer
                // (allow.everyone.if.no.acl.found=false) with its PLAIN super user.
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
        if (directory != null) {
            nodes.setBaseDirectory(directory);
        }
        if (port != 0) {
            // The test kit pre-binds its own broker and controller listeners on random ports; a fixed port is an
            // extra listener of our own, which binds normally and advertises itself to clients that use it.
            // It accepts SCRAM-SHA-512 only: what services, partners and tools use on ./loket up.
            nodes.setPerServerProperties(Map.of(0, Map.of(
                    "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,LOCAL://localhost:" + port,
                    "listener.security.protocol.map",
                    "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,LOCAL:SASL_PLAINTEXT",
                    "listener.name.local.sasl.enabled.mechanisms", SCRAM_MECHANISM + ",PLAIN",
                    "listener.name.local.scram-sha-512.sasl.jaas.config", SCRAM_SERVER_JAAS,
                    "listener.name.local.plain.sasl.jaas.config", plainServerJaas(KafkaUsers.fromDeploy()))));
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
                // Retention is checked every 5 s instead of every 5 min: a topic whose retention.ms is shortened (the
                // privacy end-to-end test lets a topic's days of retention pass that way) is emptied promptly.
                .setConfigProp("log.retention.check.interval.ms", "5000")
                // PLAIN stays for the super user and between broker and controller; SCRAM for every user of deploy/.
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN," + SCRAM_MECHANISM)
                .setConfigProp("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
                .setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config", SCRAM_SERVER_JAAS)
                .build();
        LocalKafka kafka = new LocalKafka(cluster, port);
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            kafka.createUsersAndAcls(KafkaUsers.fromDeploy());
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        System.setProperty(RUNNING + kafka.bootstrapServers(), cluster.bootstrapServers());
        System.setProperty(RUNNING + cluster.bootstrapServers(), cluster.bootstrapServers());
        return kafka;
    }

    /**
     * PLAIN on the fixed-port listener, for librdkafka tools (kcat): the same users of deploy/ with the same local
     * passwords and so the same principals and ACLs; never the super user. Debian's kcat (librdkafka 2.0.2) fails
     * SCRAM-SHA-512 against this broker ("invalid credentials") where the Java clients succeed with the same user and
     * password; the services, the tools and the tests stay on SCRAM-SHA-512, as in production.
     */
    private static String plainServerJaas(List<KafkaUsers.User> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach(u -> jaas.append(" user_").append(u.name()).append("=\"").append(localPassword(u.name())).append('"'));
        // the super user too, for local tools (./loket bench: lag of every group, its own benchmark topic)
        jaas.append(" user_").append(ADMIN_USER).append("=\"").append(ADMIN_PASSWORD).append('"');
        return jaas.append(';').toString();
    }

    /** The server side of SCRAM needs no credentials of its own; the module registers the SCRAM SASL server. */
    private static final String SCRAM_SERVER_JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required;";

    /**
     * As the super user: a SCRAM-SHA-512 credential (local password) for every user, and their ACLs; returns once the
     * broker knows them all (they reach it through the KRaft metadata log).
     */
    private void createUsersAndAcls(List<KafkaUsers.User> users) throws Exception {
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (KafkaUsers.User user : users) {
            credentials.add(new UserScramCredentialUpsertion(user.name(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), localPassword(user.name())));
            acls.addAll(user.acls());
        }
        try (Admin admin = Admin.create(adminClientProperties())) {
            admin.alterUserScramCredentials(credentials).all().get();
            admin.createAcls(acls).all().get();
            Set<String> names = new HashSet<>(users.stream().map(KafkaUsers.User::name).toList());
            Set<AclBinding> expected = new HashSet<>(acls);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                Set<String> known = admin.describeUserScramCredentials().users().get().stream()
                        .collect(java.util.stream.Collectors.toSet());
                Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
                if (known.containsAll(names) && present.containsAll(expected)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The broker did not get the users and ACLs of deploy/ within 60s");
                }
                Thread.sleep(50); // the metadata log reaches the broker's authorizer asynchronously
            }
        }
    }

    /**
     * Client settings of the super user (SASL/PLAIN on the test kit's listener), bootstrap servers included: for
     * topic creation, tools and tests' assertions.
     */
    public Properties adminClientProperties() {
        return adminClientProperties(cluster.bootstrapServers());
    }

    private static Properties adminClientProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, adminJaasConfig());
        return props;
    }

    /** Client settings of a user of deploy/ (SCRAM-SHA-512, its local password), bootstrap servers included. */
    public Properties clientProperties(String user) {
        return clientProperties(bootstrapServers(), user);
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} of a user of deploy/. */
    public static Map<String, String> securityProperties(String user) {
        Map<String, String> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        props.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(user));
        return props;
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
        System.clearProperty(RUNNING + bootstrapServers());
        System.clearProperty(RUNNING + cluster.bootstrapServers());
        cluster.close();
    }
}
