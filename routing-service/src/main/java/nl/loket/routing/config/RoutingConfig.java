package nl.loket.routing.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routing settings ({@code loket.routing.*}). */
@ConfigMapping(prefix = "loket.routing")
public interface RoutingConfig {

    /** The policy of municipalities without their own entry. */
    @WithDefault("chain-specialised-kcc")
    String defaultPolicy();

    /** Policy per municipality: {@code loket.routing.policy-by-municipality.GM0363=one-kcc}. */
    Map<String, String> policyByMunicipality();
}
