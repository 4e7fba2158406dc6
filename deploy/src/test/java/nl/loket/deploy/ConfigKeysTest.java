package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting the manifests give a service is one the service reads, and every setting a service leaves to
 * production is given. Quarkus maps an environment variable FOO_BAR_BAZ to foo.bar.baz (MicroProfile Config) and
 * every {@code kafka.*} property to the Kafka clients, so KAFKA_SASL_JAAS_CONFIG is sasl.jaas.config.
 */
class ConfigKeysTest {

    /** Standard Quarkus settings the manifests set; each needs the named key family in the service. */
    private static final Map<String, String> STANDARD_QUARKUS = Map.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL", "quarkus.datasource.db-kind",
            "QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.db-kind",
            "QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.db-kind",
            "QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.db-kind");

    /**
     * The sign-in settings of the shared ConfigMap loket-oidc: read by quarkus-oidc and the service kit's
     * {@code AuthConfig} (loket.auth.*) in every service, so they need no line in a service's application.properties.
     */
    private static final Set<String> KIT_SIGN_IN = Set.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_AUDIENCE",
            "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", "QUARKUS_OIDC_TOKEN_PRINCIPAL_CLAIM", "LOKET_AUTH_CLAIMS_TEAMS",
            "LOKET_AUTH_CLAIMS_MUNICIPALITIES", "LOKET_AUTH_CLAIMS_ORGANISATION", "LOKET_AUTH_CLAIMS_ADAPTER_ID");

    /** Read by the JVM, not by the application. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    /** Where the cluster's services are: a service that sets one of these only for dev needs it from the manifests. */
    private static final Set<String> MUST_COME_FROM_THE_CLUSTER = Set.of("quarkus.datasource.reactive.url",
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
            "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url",
            // the pseudonym keys (README "Privacy"): from the operator's Secrets, never a default
            "loket.intake.citizen-ref-key", "loket.routing.pseudonym-secret",
            // the workspace: the services it calls, the dashboard it links to, its client secrets (operator's Secrets)
            "quarkus.rest-client.intake.url", "quarkus.rest-client.routing.url", "quarkus.rest-client.knowledge.url",
            "quarkus.rest-client.chain-team.url", "quarkus.rest-client.metrics.url", "loket.workspace.dashboard-url",
            "quarkus.oidc.credentials.secret", "quarkus.oidc-client.counter.credentials.secret",
            "quarkus.oidc-client.phone.credentials.secret");

    static Set<String> kafkaClientProperties() {
        Set<String> names = new TreeSet<>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    /** The environment of the service's container: ConfigMap entries (envFrom) and env entries, name -> value. */
    static Map<String, String> environment(List<Map<String, Object>> objects, String service) {
        Map<String, Object> container = Rendered.container(Rendered.one(objects, "Deployment", service));
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> source : Rendered.maps(container, "envFrom")) {
            String configMap = Rendered.string(source, "configMapRef", "name");
            assertThat(configMap).as(service + " envFrom takes ConfigMaps only (secrets by key)").isNotNull();
            Rendered.map(Rendered.one(objects, "ConfigMap", configMap), "data")
                    .forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Map<String, Object> entry : Rendered.maps(container, "env")) {
            Object value = entry.get("value");
            env.put((String) entry.get("name"), value == null ? "<from " + entry.get("valueFrom") + ">" : value.toString());
        }
        return env;
    }

    @ParameterizedTest
    @MethodSource("nl.loket.deploy.ServiceList#names")
    void everyVariableTheManifestsSetIsASettingTheServiceReads(String service) {
        Optional<ServiceConfig> config = ServiceConfig.load(service);
        List<String> unknown = new ArrayList<>();
        for (String overlay : Rendered.OVERLAYS) {
            unknownVariables(config, environment(Rendered.overlay(overlay), service).keySet())
                    .forEach(name -> unknown.add(overlay + ": " + name));
        }

        assertThat(unknown).as("variables of " + service + " that match no setting of the service ("
                + ServiceConfig.file(service) + ") nor a Kafka client property").isEmpty();
    }

    /** Names that are no setting of the service (tolerant while the service has no application.properties). */
    static List<String> unknownVariables(Optional<ServiceConfig> config, Set<String> names) {
        Set<String> kafka = kafkaClientProperties();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            boolean known;
            if (name.startsWith("KAFKA_")) {
                known = kafka.contains(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
            } else if (JVM.contains(name) || KIT_SIGN_IN.contains(name)) {
                known = true;
            } else if (STANDARD_QUARKUS.containsKey(name)) {
                known = config.map(c -> c.keys.contains(STANDARD_QUARKUS.get(name))).orElse(true);
            } else if (name.startsWith("QUARKUS_") || name.startsWith("MP_") || name.startsWith("LOKET_")) {
                known = config.map(c -> c.hasKeyForEnv(name)).orElse(true);
            } else {
                known = false;
            }
            if (!known) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    @ParameterizedTest
    @MethodSource("nl.loket.deploy.ServiceList#names")
    void everySettingTheServiceLeavesToProductionIsGiven(String service) {
        Optional<ServiceConfig> config = ServiceConfig.load(service);
        if (config.isEmpty()) {
            return;
        }
        for (String overlay : Rendered.OVERLAYS) {
            Set<String> env = environment(Rendered.overlay(overlay), service).keySet();
            List<String> missing = new ArrayList<>();
            List<String> loketDevOnly = new ArrayList<>();
            for (String key : config.get().dev.keySet()) {
                if (config.get().prod.containsKey(key)) {
                    continue;
                }
                boolean given = env.contains(ServiceConfig.toEnvName(key));
                if (!given && MUST_COME_FROM_THE_CLUSTER.contains(key)) {
                    missing.add(key);
                } else if (!given && key.startsWith("loket.")) {
                    loketDevOnly.add(key);
                }
            }
            assertThat(missing).as(overlay + ": " + service + " sets these only for %dev; production needs them "
                    + "from the manifests").isEmpty();
            if (!loketDevOnly.isEmpty()) {
                System.out.println("[deploy] " + service + ": loket.* keys with only a %dev value, left to their "
                        + "@ConfigMapping defaults in " + overlay + ": " + loketDevOnly);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesTalkToKafkaWithScramOverTlsAsTheListenerDemands(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        Map<String, Object> listener = Rendered.maps(Rendered.one(objects, "Kafka", "loket"), "spec", "kafka", "listeners")
                .stream().filter(l -> "tls".equals(l.get("name"))).findFirst().orElseThrow();
        assertThat(listener.get("tls")).isEqualTo(true);
        assertThat(Rendered.string(listener, "authentication", "type")).isEqualTo("scram-sha-512");

        for (String service : ServiceConfig.SERVICES) {
            Map<String, String> env = environment(objects, service);
            if (!ServiceList.kafkaClients().contains(service)) {
                assertThat(env.keySet()).as(service + " is no Kafka client").noneMatch(v -> v.startsWith("KAFKA_"));
                continue;
            }
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(service)
                    .isEqualTo("loket-kafka-bootstrap:" + listener.get("port"));
            assertThat(SecurityProtocol.forName(env.get("KAFKA_SECURITY_PROTOCOL"))).as(service)
                    .isEqualTo(SecurityProtocol.SASL_SSL);
            assertThat(env.get("KAFKA_SASL_MECHANISM")).as(service).isEqualTo("SCRAM-SHA-512");
            assertThat(env).as(service).containsKeys("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION");
        }
    }

    private static final Pattern LOCAL_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+).*");

    @ParameterizedTest
    @MethodSource("nl.loket.deploy.ServiceList#withDatabase")
    void theDatabaseInTheManifestsIsTheOneTheServiceUsesLocally(String service) {
        Optional<ServiceConfig> config = ServiceConfig.load(service);
        String jdbc = environment(Rendered.overlay("prod"), service).get("QUARKUS_DATASOURCE_JDBC_URL");
        Matcher cluster = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z0-9_]+)").matcher(jdbc);
        assertThat(cluster.matches()).as(jdbc).isTrue();
        Map<String, Object> cnpg = Rendered.one(Rendered.overlay("prod"), "Cluster", cluster.group(1));
        assertThat(Rendered.string(cnpg, "spec", "bootstrap", "initdb", "database")).isEqualTo(cluster.group(2));
        if (config.isEmpty()) {
            return;
        }
        String local = config.get().dev.get("quarkus.datasource.jdbc.url");
        if (local != null) {
            Matcher m = LOCAL_DATABASE.matcher(local);
            assertThat(m.matches()).as(local).isTrue();
            assertThat(cluster.group(2)).as(service + "'s database").isEqualTo(m.group(1));
        }
    }
}
