package nl.loket.testsupport;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import nl.loket.platform.kafka.DeclaredTopics;
import nl.loket.platform.kafka.LocalKafka;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: started once per test JVM and shared by all test classes, so a
 * restart of the application between test classes does not cost a new broker.
 * Usage: {@code @WithKafkaAndPostgres(database = …)}, or {@code @QuarkusTestResource(KafkaTestResource.class)}.
 *
 * <p>The broker is secured as {@code ./loket up}'s ({@link LocalKafka}): SASL, the users and ACLs of deploy/.
 * It sets only {@code kafka.bootstrap.servers}; a service's {@code %test} configuration names its own KafkaUser
 * (SCRAM-SHA-512, password {@code <service>-local-secret}), so its tests prove it works with its own ACLs. Test
 * clients use {@link #adminClientProperties()} (the super user) or {@link #clientProperties(String)} (a user).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The bootstrap servers of this test JVM's broker. A system property, not a static field: each application (test
     * profile) of a Quarkus test JVM loads this class in a class loader of its own, and they share the one broker
     * (a second broker in another class loader could not authenticate: Kafka's SASL providers are JVM-wide).
     */
    private static final String BROKER = "loket.test-support.kafka.bootstrap";

    /** The running broker's bootstrap servers, starting it if needed (for test clients). */
    public static String bootstrapServers() {
        synchronized (System.getProperties()) { // the one lock every class loader of the JVM shares
            String running = System.getProperty(BROKER);
            if (running == null) {
                running = startBroker();
                System.setProperty(BROKER, running);
            }
            return running;
        }
    }

    /** The super user's client settings (bootstrap servers included), starting the broker if needed. */
    public static Properties adminClientProperties() {
        String bootstrap = bootstrapServers();
        return LocalKafka.adminClientPropertiesOf(bootstrap)
                .orElseThrow(() -> new IllegalStateException("No local broker at " + bootstrap));
    }

    /** A deploy/ user's client settings (SCRAM, bootstrap servers included), starting the broker if needed. */
    public static Properties clientProperties(String user) {
        return LocalKafka.clientProperties(bootstrapServers(), user);
    }

    /**
     * Grants a deploy/ user operations on a topic (literal), as the super user: what an operator adds to deploy/ with a
     * new team topic (its ACL lines), for tests that provision a topic no KafkaUser names yet.
     */
    public static void grant(String user, String topic, AclOperation... operations) {
        ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        try (Admin admin = Admin.create(adminClientProperties())) {
            admin.createAcls(Arrays.stream(operations)
                    .map(op -> new AclBinding(resource, new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW)))
                    .toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not grant " + user + " " + Arrays.toString(operations) + " on " + topic, e);
        }
    }

    private static String startBroker() {
        LocalKafka.neverHaltTheJvm();
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(0, null);
            DeclaredTopics.create(kafka);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the local Kafka broker", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
            } catch (Exception ignored) {
                // the JVM is going away
            }
        }, "local-kafka-shutdown"));
        return kafka.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = bootstrapServers();
        // the application about to start is of this class loader: its SCRAM clients must find this one's provider
        LocalKafka.useThisClassLoadersSaslClients();
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM; closed at JVM exit
    }
}
