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

    /**
     * The secret from which each team's pseudonym key is derived ({@link nl.loket.routing.service.Pseudonyms}): at
     * least 32 characters, checked at start-up. A secret: only the dev/test/local profiles set it; production reads
     * {@code LOKET_ROUTING_PSEUDONYM_SECRET} from a Secret. Changing it changes every team's references.
     */
    java.util.Optional<String> pseudonymSecret();

    /** How long routing keeps personal data ({@code loket.routing.retention.*}). */
    Retention retention();

    /** The trained team model ({@code loket.routing.model.*}). */
    Model model();

    /** The trained team model: training, shadow evaluation, which version routes. */
    interface Model {

        /** Whether routing uses and trains a model at all ({@code false}: the rules alone). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Pins one stored version (rollback): every instance routes with it, whatever is LIVE. Unset: the newest LIVE
         * version.
         */
        java.util.Optional<Integer> version();

        /** How often a new version is trained from the knowledge and the outcomes ({@code off}: on demand only). */
        @WithDefault("6h")
        String trainEvery();

        /** How often each instance reads which version is live. */
        @WithDefault("PT10S")
        java.time.Duration refresh();

        /** The training seed (same examples, same seed: same model). */
        @WithDefault("20261130")
        long seed();

        /** Share of the newest settled contacts held back from training to compare a new version with the live one. */
        @WithDefault("0.2")
        double holdoutShare();

        /** Fewer held-back contacts than this: no comparison, so a new version goes live only if none is. */
        @WithDefault("30")
        int minHoldout();

        /** Settled contacts read for one training (the newest). */
        @WithDefault("20000")
        int maxOutcomes();

        /**
         * Whether training also learns from the bundled example contacts (authored citizen texts with their teams,
         * {@code training/example-contacts.csv}) besides the knowledge and the settled contacts.
         */
        @WithDefault("true")
        boolean exampleContacts();

        /**
         * The number of settled contacts at which an example contact weighs half as much as a settled one: each weighs
         * {@code n / (n + settled contacts trained on)}, so the municipality's own contacts take over as they come.
         */
        @WithDefault("500")
        int exampleWeightHalfAt();

        /** Weight of a contact a transfer corrected (a settled contact that stayed where it was routed weighs 1). */
        @WithDefault("3.0")
        double correctionWeight();
    }

    /** Retention of personal data in routing's own tables. */
    interface Retention {

        /**
         * Personal fields (subject, text, citizen details and reference, transfer reasons) of contacts received longer
         * ago than this are erased; the decisions and their facts stay.
         */
        @WithDefault("P60D")
        java.time.Duration personalData();

        /** How often the retention job runs (read by its {@code @Scheduled}; {@code 1h}, {@code 30m} …). */
        @WithDefault("1h")
        String every();

        /** Contacts erased per transaction. */
        @WithDefault("500")
        int batchSize();
    }

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
