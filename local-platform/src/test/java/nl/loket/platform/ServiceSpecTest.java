package nl.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void theListNamesFiveServicesWithDistinctPortsAndDatabases() {
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name).containsExactly("intake-service", "routing-service",
                "knowledge-service", "chain-team-service", "metrics-service");
        Set<Integer> ports = ServiceSpec.ALL.stream().map(ServiceSpec::defaultPort).collect(Collectors.toSet());
        Set<String> databases = ServiceSpec.ALL.stream().map(ServiceSpec::database).collect(Collectors.toSet());
        assertThat(ports).hasSize(ServiceSpec.ALL.size());
        assertThat(databases).hasSize(ServiceSpec.ALL.size()).allMatch(d -> d.matches("[a-z][a-z0-9_]*"));
        assertThat(ServiceSpec.named("metrics")).isEqualTo(new ServiceSpec("metrics-service", 8085, "metrics", 9085));
    }

    @Test
    void aLineWithoutThreeTabSeparatedFieldsIsRejected() {
        assertThat(ServiceSpec.parse(List.of("# name\tport\tdatabase\tmanagement", "", "a-service\t9001\ta\t10001")))
                .containsExactly(new ServiceSpec("a-service", 9001, "a", 10001));
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("a-service 9001 a")))
                .hasMessageContaining("expected name<TAB>port<TAB>database");
    }
}
