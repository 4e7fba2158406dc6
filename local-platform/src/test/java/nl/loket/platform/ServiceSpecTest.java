package nl.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.loket.platform.kafka.KafkaUsers;

class ServiceSpecTest {

    @Test
    void theListNamesTheFivePipelineServicesWithDistinctDatabasesAndTheWorkspaceWithNone() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name).containsExactly("intake-service", "routing-service",
                "knowledge-service", "chain-team-service", "metrics-service", "workspace");
        Set<Integer> ports = ServiceSpec.ALL.stream().map(ServiceSpec::defaultPort).collect(Collectors.toSet());
        Set<Integer> management = ServiceSpec.ALL.stream().map(ServiceSpec::managementPort).collect(Collectors.toSet());
        assertThat(ports).hasSize(ServiceSpec.ALL.size()).doesNotContainAnyElementsOf(management);
        assertThat(management).hasSize(ServiceSpec.ALL.size());

        assertThat(ServiceSpec.WITH_DATABASE).extracting(ServiceSpec::name).containsExactly("intake-service",
                "routing-service", "knowledge-service", "chain-team-service", "metrics-service");
        Set<String> databases = ServiceSpec.WITH_DATABASE.stream().map(s -> s.database().orElseThrow()).collect(Collectors.toSet());
        assertThat(databases).hasSize(ServiceSpec.WITH_DATABASE.size()).allMatch(d -> d.matches("[a-z][a-z0-9_]*"));
        assertThat(ServiceSpec.named("metrics")).isEqualTo(new ServiceSpec("metrics-service", 8085, Optional.of("metrics"), 9085));
        assertThat(ServiceSpec.named("workspace")).isEqualTo(new ServiceSpec("workspace", 8086, Optional.empty(), 9086));
        assertThat(ServiceSpec.named("workspace").hasDatabase()).isFalse();
    }

    @Test
    void onlyThePipelineServicesAreKafkaClients() {
        // LocalPlatform gives Kafka settings to a service with a KafkaUser in deploy/: the five, not the workspace
        assertThat(KafkaUsers.names()).containsAll(ServiceSpec.WITH_DATABASE.stream().map(ServiceSpec::name).toList())
                .doesNotContain("workspace");
    }

    @Test
    void aLineWithoutFourTabSeparatedFieldsIsRejectedAndADashMeansNoDatabase() {
        assertThat(ServiceSpec.parse(List.of("# name\tport\tdatabase\tmanagement", "", "a-service\t9001\ta\t10001",
                "b-web\t9002\t-\t10002"))).containsExactly(new ServiceSpec("a-service", 9001, Optional.of("a"), 10001),
                new ServiceSpec("b-web", 9002, Optional.empty(), 10002));
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("a-service 9001 a")))
                .hasMessageContaining("expected name<TAB>port<TAB>database");
    }

    @Test
    void theWorkspaceCallsTheServicesAtThePlatformsActualPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), s.defaultPort() + 100)); // as with --port-offset 100
        ports.put("chain-team-service", 40123); // as with the end-to-end tests' free ports
        LocalPlatform.Options options = new LocalPlatform.Options(Path.of("."), Path.of("."), 0, 0, ports, Map.of());

        assertThat(LocalPlatform.workspaceEnvironment(options)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_REST_CLIENT_INTAKE_URL", "http://localhost:8181",
                "QUARKUS_REST_CLIENT_ROUTING_URL", "http://localhost:8182",
                "QUARKUS_REST_CLIENT_KNOWLEDGE_URL", "http://localhost:8183",
                "QUARKUS_REST_CLIENT_CHAIN_TEAM_URL", "http://localhost:40123",
                "QUARKUS_REST_CLIENT_METRICS_URL", "http://localhost:8185",
                "LOKET_WORKSPACE_DASHBOARD_URL", "http://localhost:8185/"));
    }
}
