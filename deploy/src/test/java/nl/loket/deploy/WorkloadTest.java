package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the services run: wiring, hardening, probes, network isolation, scaling. */
class WorkloadTest {

    /** HTTP port by service, from the service list. */
    static final Map<String, Integer> PORTS = ServiceList.ALL.stream()
            .collect(Collectors.toMap(ServiceList.Entry::name, ServiceList.Entry::port));

    /** Secrets the operators supply by hand (deploy/README.md); every other one a Strimzi or CNPG operator writes. */
    static final Set<String> OPERATOR_SUPPLIED_SECRETS = Set.of("intake-service-citizen-ref", "routing-service-pseudonym",
            "workspace-oidc-client", "workspace-adapter-counter", "workspace-adapter-phone");

    /**
     * Who calls whom inside the namespace, over HTTP: the workspace calls the five services with the signed-in agent's
     * token. (The ingress controller, the channel adapters and Prometheus come from outside the services.)
     */
    static final Map<String, List<String>> CALLS = Map.of("workspace", List.of("intake-service", "routing-service",
            "knowledge-service", "chain-team-service", "metrics-service"));
    static final Set<String> OPERATOR_SUPPLIED_CONFIG_MAPS = Set.of("chain-team-service-jwt");

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return Rendered.map(deployment, "spec", "template", "metadata", "labels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsTheNamedPortOfExactlyOneDeployment(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        Rendered.ofKind(objects, "Service").forEach(service -> {
            Map<String, Object> selector = Rendered.map(service, "spec", "selector");
            List<Map<String, Object>> selected = Rendered.ofKind(objects, "Deployment")
                    .filter(d -> selects(selector, podLabels(d))).toList();
            assertThat(selected).as("Deployments Service " + Rendered.name(service) + " selects").hasSize(1);
            Set<Object> portNames = new TreeSet<>();
            Rendered.maps(Rendered.container(selected.get(0)), "ports").forEach(p -> portNames.add(p.get("name")));
            Rendered.maps(service, "spec", "ports").forEach(port -> assertThat(portNames)
                    .as(Rendered.name(service) + " targetPort").contains(port.get("targetPort")));
        });
        assertThat(Rendered.ofKind(objects, "Service").map(Rendered::name).toList())
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerRunsHardenedWithProbesAndResources(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (String name : ServiceConfig.SERVICES) {
            Map<String, Object> deployment = Rendered.one(objects, "Deployment", name);
            Map<String, Object> pod = Rendered.map(deployment, "spec", "template", "spec");
            Map<String, Object> container = Rendered.container(deployment);

            assertThat(Rendered.maps(pod, "containers")).as(name).hasSize(1);
            assertThat(container.get("image")).as(name).isEqualTo("ghcr.io/loket-nl/" + name + ":0.1.0");
            assertThat(Rendered.maps(container, "ports")).as(name).containsExactly(
                    Map.of("name", "http", "containerPort", PORTS.get(name), "protocol", "TCP"),
                    Map.of("name", "management", "containerPort", PORTS.get(name) + 1000, "protocol", "TCP"));

            assertThat(Rendered.at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(Rendered.string(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
            assertThat(pod.get("automountServiceAccountToken")).as(name).isEqualTo(false);
            Map<String, Object> security = Rendered.map(container, "securityContext");
            assertThat(security).as(name).containsEntry("runAsNonRoot", true).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false).containsEntry("privileged", false);
            assertThat(Rendered.list(security, "capabilities", "drop")).as(name).containsExactly("ALL");
            assertThat(Rendered.at(security, "capabilities", "add")).as(name).isNull();
            assertThat(Rendered.string(security, "seccompProfile", "type")).as(name).isEqualTo("RuntimeDefault");

            // A read-only root file system still needs a writable /tmp (Vert.x file cache, Kafka's native libs).
            String tmpVolume = Rendered.maps(container, "volumeMounts").stream()
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> (String) m.get("name")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts no /tmp"));
            assertThat(Rendered.maps(pod, "volumes").stream().filter(v -> tmpVolume.equals(v.get("name"))).findFirst()
                    .orElseThrow()).as(name).containsKey("emptyDir");

            assertThat(Rendered.string(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(Rendered.string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(Rendered.string(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertThat(Rendered.string(container, probe, "httpGet", "port")).as(name + " " + probe).isEqualTo("management");
            }
            assertThat(Rendered.map(container, "resources", "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(Rendered.map(container, "resources", "limits")).as(name).containsKey("memory");

            Map<String, Object> annotations = Rendered.map(deployment, "spec", "template", "metadata", "annotations");
            assertThat(annotations).as(name).containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(PORTS.get(name) + 1000));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferenceResolvesToARenderedObjectOrAnOperatorWrittenSecret(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        assertThat(Rendered.ofKind(objects, "Secret").toList()).as("secret values never live in git").isEmpty();
        Set<String> generatedSecrets = new TreeSet<>(OPERATOR_SUPPLIED_SECRETS);
        Rendered.ofKind(objects, "KafkaUser").forEach(u -> generatedSecrets.add(Rendered.name(u)));
        Rendered.ofKind(objects, "Kafka").forEach(k -> generatedSecrets.add(Rendered.name(k) + "-cluster-ca-cert"));
        Rendered.ofKind(objects, "Cluster").forEach(c -> generatedSecrets.add(Rendered.name(c) + "-app"));
        Set<String> configMaps = new TreeSet<>(OPERATOR_SUPPLIED_CONFIG_MAPS);
        Rendered.ofKind(objects, "ConfigMap").forEach(c -> configMaps.add(Rendered.name(c)));
        Set<String> serviceAccounts = new TreeSet<>();
        Rendered.ofKind(objects, "ServiceAccount").forEach(s -> serviceAccounts.add(Rendered.name(s)));

        for (String name : ServiceConfig.SERVICES) {
            Map<String, Object> deployment = Rendered.one(objects, "Deployment", name);
            Map<String, Object> pod = Rendered.map(deployment, "spec", "template", "spec");
            assertThat(pod.get("serviceAccountName")).as(name).isEqualTo(name).isIn(serviceAccounts);
            Set<String> secretsUsed = new TreeSet<>();
            for (Map<String, Object> env : Rendered.maps(Rendered.container(deployment), "env")) {
                String secret = Rendered.string(env, "valueFrom", "secretKeyRef", "name");
                if (secret != null) {
                    secretsUsed.add(secret);
                }
            }
            for (Map<String, Object> volume : Rendered.maps(pod, "volumes")) {
                String secret = Rendered.string(volume, "secret", "secretName");
                if (secret != null) {
                    secretsUsed.add(secret);
                }
                String configMap = Rendered.string(volume, "configMap", "name");
                if (configMap != null) {
                    assertThat(configMaps).as(name + " volume").contains(configMap);
                }
            }
            Rendered.maps(Rendered.container(deployment), "envFrom")
                    .forEach(f -> assertThat(configMaps).contains(Rendered.string(f, "configMapRef", "name")));
            assertThat(generatedSecrets).as(name + " secrets").containsAll(secretsUsed);
            if (ServiceList.kafkaClients().contains(name)) {
                assertThat(secretsUsed).as(name + " uses its own Kafka user").contains(name);
            } else {
                assertThat(secretsUsed).as(name + " is no Kafka client").doesNotContain(name);
            }
            assertThat(secretsUsed.stream().filter(s -> s.endsWith("-app")).toList()).as(name + " database")
                    .hasSize(ServiceList.named(name).hasDatabase() ? 1 : 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceMayOnlyReachItsDatabaseKafkaTheServicesItCallsTheOpenIdProviderAndDnsAndOnlyBeReachedByItsCallers(
            String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (String name : ServiceConfig.SERVICES) {
            Map<String, Object> deployment = Rendered.one(objects, "Deployment", name);
            List<Map<String, Object>> policies = Rendered.ofKind(objects, "NetworkPolicy")
                    .filter(p -> selects(Rendered.map(p, "spec", "podSelector", "matchLabels"), podLabels(deployment)))
                    .toList();
            assertThat(policies).as(name + " NetworkPolicies").hasSize(1);
            Map<String, Object> spec = Rendered.map(policies.get(0), "spec");
            assertThat(Rendered.list(spec, "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");

            List<String> expected = new ArrayList<>(List.of(new TreeMap<>(Map.of("k8s-app", "kube-dns")) + ":53",
                    new TreeMap<>(Map.of("k8s-app", "kube-dns")) + ":53", "openid-provider:443"));
            if (ServiceList.named(name).hasDatabase()) {
                String database = Rendered.maps(Rendered.container(deployment), "env").stream()
                        .map(e -> Rendered.string(e, "valueFrom", "secretKeyRef", "name"))
                        .filter(s -> s != null && s.endsWith("-app")).findFirst().orElseThrow().replaceFirst("-app$", "");
                expected.add(new TreeMap<>(Map.of("cnpg.io/cluster", database)) + ":5432");
            }
            if (ServiceList.kafkaClients().contains(name)) {
                expected.add(new TreeMap<>(Map.of("strimzi.io/cluster", "loket", "strimzi.io/broker-role", "true")) + ":9093");
            }
            for (String callee : CALLS.getOrDefault(name, List.of())) {
                expected.add(new TreeMap<>(Map.of("app.kubernetes.io/name", callee)) + ":" + PORTS.get(callee));
            }
            List<String> egress = new ArrayList<>();
            for (Map<String, Object> rule : Rendered.maps(spec, "egress")) {
                for (Map<String, Object> to : Rendered.maps(rule, "to")) {
                    if (to.containsKey("ipBlock")) {
                        // the one rule outside the cluster: the OpenID provider over HTTPS, never the cluster network
                        assertThat(Rendered.maps(rule, "ports")).as(name + ": IP blocks only for the OpenID provider")
                                .containsExactly(Map.of("protocol", "TCP", "port", 443));
                        assertThat(Rendered.list(to, "ipBlock", "except")).as(name)
                                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
                        egress.add("openid-provider:443");
                        continue;
                    }
                    Map<String, Object> labels = new TreeMap<>(Rendered.map(to, "podSelector", "matchLabels"));
                    for (Map<String, Object> port : Rendered.maps(rule, "ports")) {
                        egress.add(labels + ":" + port.get("port"));
                    }
                }
            }
            assertThat(egress).as(name + " egress").containsExactlyInAnyOrderElementsOf(expected);
            for (Map<String, Object> rule : Rendered.maps(spec, "ingress")) {
                assertThat(Rendered.maps(rule, "from")).as(name + ": ingress from selected peers only").isNotEmpty();
                boolean prometheus = Rendered.maps(rule, "from").stream()
                        .anyMatch(f -> "prometheus".equals(Rendered.string(f, "podSelector", "matchLabels", "app.kubernetes.io/name")));
                // callers reach the API port; only Prometheus reaches the management port (metrics)
                int allowed = prometheus ? PORTS.get(name) + 1000 : PORTS.get(name);
                assertThat(Rendered.maps(rule, "ports")).as(name)
                        .allSatisfy(p -> assertThat(p.get("port")).isEqualTo(allowed));
            }
            if (ServiceList.kafkaClients().contains(name)) {
                assertThat(podLabels(deployment)).as(name + " is admitted by the Kafka listener's network policy")
                        .containsEntry("loket.nl/kafka-client", "true");
            } else {
                assertThat(podLabels(deployment)).as(name + " is no Kafka client").doesNotContainKey("loket.nl/kafka-client");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceAdmitsTheServicesThatCallItOnItsApiPortOnly(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        CALLS.forEach((caller, callees) -> {
            for (String callee : callees) {
                Map<String, Object> policy = Rendered.one(objects, "NetworkPolicy", callee);
                List<Object> ports = new ArrayList<>();
                for (Map<String, Object> rule : Rendered.maps(policy, "spec", "ingress")) {
                    boolean fromCaller = Rendered.maps(rule, "from").stream().anyMatch(f -> f.keySet().equals(Set.of("podSelector"))
                            && Map.of("app.kubernetes.io/name", caller).equals(Rendered.map(f, "podSelector", "matchLabels")));
                    if (fromCaller) {
                        Rendered.maps(rule, "ports").forEach(p -> ports.add(p.get("port")));
                    }
                }
                assertThat(ports).as(callee + " admits " + caller).containsExactly(PORTS.get(callee));
            }
        });
    }

    @Test
    void productionRunsSeveralReplicasWithDisruptionBudgetsAndAutoscalers() {
        List<Map<String, Object>> prod = Rendered.overlay("prod");
        for (String name : ServiceConfig.SERVICES) {
            Map<String, Object> deployment = Rendered.one(prod, "Deployment", name);
            int replicas = (Integer) Rendered.at(deployment, "spec", "replicas");
            assertThat(replicas).as(name).isGreaterThanOrEqualTo(2);

            Map<String, Object> pdb = Rendered.one(prod, "PodDisruptionBudget", name);
            assertThat(selects(Rendered.map(pdb, "spec", "selector", "matchLabels"), podLabels(deployment))).isTrue();

            Map<String, Object> hpa = Rendered.one(prod, "HorizontalPodAutoscaler", name);
            assertThat(Rendered.map(hpa, "spec", "scaleTargetRef"))
                    .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", name));
            assertThat(Rendered.at(hpa, "spec", "minReplicas")).as(name + " minReplicas = replicas").isEqualTo(replicas);
            assertThat((Integer) Rendered.at(hpa, "spec", "maxReplicas")).isGreaterThan(replicas);
        }
        Rendered.ofKind(prod, "Cluster").forEach(c -> assertThat(Rendered.at(c, "spec", "instances")).isEqualTo(3));
    }

    @Test
    void consumersScaleNoFurtherThanThePartitionsOfTheTopicsTheirGroupReads() {
        List<Map<String, Object>> prod = Rendered.overlay("prod");
        for (String name : ServiceConfig.SERVICES) {
            int partitions = AsyncApi.channels().stream()
                    .filter(c -> !c.isDeadLetter() && c.consumers().contains(name))
                    .mapToInt(AsyncApi.Channel::partitions).max().orElse(Integer.MAX_VALUE);
            int max = (Integer) Rendered.at(Rendered.one(prod, "HorizontalPodAutoscaler", name), "spec", "maxReplicas");
            assertThat(max).as(name + " maxReplicas").isLessThanOrEqualTo(partitions);
        }
    }

    @Test
    void devRunsOneOfEverything() {
        List<Map<String, Object>> dev = Rendered.overlay("dev");
        Rendered.ofKind(dev, "Deployment").forEach(d -> assertThat(Rendered.at(d, "spec", "replicas")).isEqualTo(1));
        Rendered.ofKind(dev, "Cluster").forEach(c -> assertThat(Rendered.at(c, "spec", "instances")).isEqualTo(1));
        assertThat(Rendered.ofKind(dev, "HorizontalPodAutoscaler").toList()).isEmpty();
        assertThat(Rendered.ofKind(dev, "PodDisruptionBudget").toList()).isEmpty();
    }

    @Test
    void everyServiceWithADatabaseOwnsOneCluster() {
        List<Map<String, Object>> prod = Rendered.overlay("prod");
        Set<String> owners = new TreeSet<>();
        Rendered.ofKind(prod, "Cluster").forEach(c -> {
            owners.add(Rendered.string(c, "metadata", "labels", "loket.nl/owner"));
            assertThat(Rendered.string(c, "spec", "bootstrap", "initdb", "owner"))
                    .isEqualTo(Rendered.string(c, "spec", "bootstrap", "initdb", "database"));
            assertThat(Rendered.at(c, "spec", "enableSuperuserAccess")).isEqualTo(false);
        });
        assertThat(owners).containsExactlyInAnyOrderElementsOf(ServiceList.withDatabase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingLandsInTheOverlaysNamespace(String overlay) {
        String namespace = overlay.equals("dev") ? "loket-dev" : "loket";
        Rendered.overlay(overlay).forEach(o -> assertThat(Rendered.namespace(o))
                .as(o.get("kind") + " " + Rendered.name(o)).isEqualTo(namespace));
    }
}
