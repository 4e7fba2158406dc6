package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import nl.loket.routing.config.RoutingConfig;

/** The policy map may be empty (production default) or name municipalities. */
class RoutingConfigTest {

    private static RoutingConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RoutingConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(RoutingConfig.class);
    }

    @Test
    void withoutEntriesEveryMunicipalityUsesTheDefaultPolicy() {
        RoutingConfig config = config(Map.of());
        assertThat(config.defaultPolicy()).isEqualTo("chain-specialised-kcc");
        assertThat(config.policies()).isEmpty();
    }

    @Test
    void theMapCanComeFromTheEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RoutingConfig.class)
                .withSources(new io.smallrye.config.EnvConfigSource(Map.of("LOKET_ROUTING_MUNICIPALITY_POLICIES",
                        "GM9003=stuck-in-the-middle, GM9004=switchboard-plus"), 300))
                .build();
        assertThat(config.getConfigMapping(RoutingConfig.class).policies())
                .containsEntry("GM9003", "stuck-in-the-middle").containsEntry("GM9004", "switchboard-plus");
    }

    @Test
    void municipalitiesCanHaveTheirOwnPolicy() {
        RoutingConfig config = config(Map.of("loket.routing.policy-by-municipality.GM9001", "one-kcc",
                "loket.routing.policy-by-municipality.GM9002", "switchboard-plus"));
        assertThat(config.policyByMunicipality()).containsEntry("GM9001", "one-kcc")
                .containsEntry("GM9002", "switchboard-plus");
    }
}
