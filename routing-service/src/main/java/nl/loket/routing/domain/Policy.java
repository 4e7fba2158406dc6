package nl.loket.routing.domain;

import java.util.List;

/**
 * A routing policy as data (src/main/resources/policies/*.json): ordered rules, the first that fires decides.
 *
 * @param minConfidence          a rule that routes to the handling team fires only at or above this confidence
 * @param backOfficeMinConfidence the same for a back office (never a guess at a back office)
 */
public record Policy(String name, int version, String description, double minConfidence,
        double backOfficeMinConfidence, List<Rule> rules) {

    /** When a rule fires. */
    public enum Condition {
        /** A product chosen in a web form, a phone-menu (IVR) choice or a counter desk topic that we recognise. */
        EXPLICIT_SIGNAL,
        /** A question about a case whose status the knowledge base knows. */
        KNOWN_CASE_QUESTION,
        /** A question about a case whose status is not known. */
        UNKNOWN_CASE_QUESTION,
        /** A generic information question. */
        INFORMATION_QUESTION,
        /**
         * An information question that comes with a sentence about the citizen's own situation ("Wij zijn sinds
         * april een B&amp;B begonnen. Hoe …?"): with {@link Route#HANDLING_TEAM}, the team of the subject takes it when
         * it is not the first line and the match reaches the rule's {@code minConfidence}.
         */
        SITUATED_QUESTION,
        /** About the citizen's own case, application, objection, report, complaint or situation. */
        OWN_CASE,
        /** A product or category matched the text (whatever the intent). */
        MATCHED,
        /**
         * The trained team model ({@code model/TeamModel}) names a team with at least the rule's
         * {@code minConfidence} (default: the policy's {@code minConfidence}).
         */
        MODEL_CONFIDENT,
        /**
         * As {@link #MODEL_CONFIDENT}, except for a general information question — one that says nothing of the
         * citizen's own situation ("Hoe kan ik bezwaar maken tegen een besluit van de gemeente?"): however sure the
         * model is of its subject's team, such a question is left to the intent rules (the first line answers it).
         */
        MODEL_CONFIDENT_UNLESS_GENERAL_QUESTION,
        /** Always. */
        ALWAYS
    }

    /** Where a fired rule sends the contact. */
    public enum Route {
        /** The first-line team (kcc). */
        FIRST_LINE,
        /** The team named by the explicit signal (or the team handling the signalled product or category). */
        SIGNALLED_TEAM,
        /** The team that handles the matched product, category or case; needs enough confidence. */
        HANDLING_TEAM,
        /** The team the trained model names (with {@link Condition#MODEL_CONFIDENT} or its variant). */
        MODEL_TEAM,
        /**
         * As {@link #MODEL_TEAM}, and the first line too when the model names it: a model that is sure a contact is
         * the first line's (an agent's note of a caller's general question) keeps it there, whatever team the
         * later rules would find for its subject.
         */
        MODEL_TEAM_OR_FIRST_LINE
    }

    /**
     * @param minConfidence for {@link Condition#MODEL_CONFIDENT} (and its variant): the model's confidence at which the
     *                      rule fires; for {@link Route#HANDLING_TEAM}: the match's confidence it needs (a back office
     *                      still needs at least the policy's backOfficeMinConfidence). Optional; default the policy's
     *                      minConfidence
     * @param minOutcomes   for {@link Condition#MODEL_CONFIDENT} (and its variant): the rule fires only for a model
     *                      version that learnt from at least this many labelled contact texts — settled contacts and
     *                      the bundled example contacts (optional; default 0). The knowledge alone says what a subject
     *                      is, not how contacts about it are handled: such a rule may come before the intent rules only
     *                      once the model has seen how they are.
     */
    public record Rule(String id, Condition when, Route routeTo, Double minConfidence, Integer minOutcomes) {

        public Rule(String id, Condition when, Route routeTo) {
            this(id, when, routeTo, null, null);
        }

        public Rule(String id, Condition when, Route routeTo, Double minConfidence) {
            this(id, when, routeTo, minConfidence, null);
        }

        /** The id of the catch-all rule that sends an unconfident match to the first line to triage. */
        public static final String LOW_CONFIDENCE = "low-confidence";
        /** The rule id of a decision that honours the team a transfer asked for. */
        public static final String TRANSFER_REQUESTED_TEAM = "transfer-requested-team";
        /** The rule id of a decision that would have gone to a team without its own topic; the first line takes it. */
        public static final String TEAM_TOPIC_MISSING = "team-topic-missing";
        /** The rule id of a decision that would have gone to a team the knowledge does not know. */
        public static final String UNKNOWN_TEAM = "unknown-team";
        /** The rule id of a decision no rule of the policy made. */
        public static final String FALLBACK = "fallback";
    }
}
