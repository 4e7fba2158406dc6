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

    /**
     * The same as one value, handy in the environment, where map keys are not recognised:
     * {@code LOKET_ROUTING_MUNICIPALITY_POLICIES=GM9001=one-kcc,GM9002=switchboard-plus}. Wins over the map.
     */
    java.util.Optional<String> municipalityPolicies();

    /** The knowledge view and its reader ({@code loket.routing.view.*}). */
    View view();

    /** The knowledge view and its reader. */
    interface View {

        /** Readiness is DOWN when the reader has not polled the knowledge topics for longer than this. */
        @WithDefault("PT30S")
        java.time.Duration maxPollAge();

        /** First wait before the reader starts again after a failure; doubles per failure in a row. */
        @WithDefault("PT1S")
        java.time.Duration restartBackoff();

        /** Longest wait between restarts of the reader. */
        @WithDefault("PT30S")
        java.time.Duration restartMaxBackoff();

        /** How often the reader lists the topics (new knowledge partitions, provisioned team topics). */
        @WithDefault("PT5S")
        java.time.Duration topicRecheck();
    }

    /** The map and the list together. */
    default Map<String, String> policies() {
        Map<String, String> all = new java.util.TreeMap<>(policyByMunicipality());
        municipalityPolicies().ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] kv = entry.split("[=:]", 2);
                if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                    all.put(kv[0].trim(), kv[1].trim());
                }
            }
        });
        return all;
    }
}
