package nl.loket.routing.domain;

import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.Tier;

/**
 * Where a contact goes and why ({@link Reason}: the facts; {@code service/ReasonTexts} renders them per language).
 *
 * @param teamWithoutTopic the team the contact would have gone to if its topic {@code team.<id>.contacts} existed
 *                         (it goes to the first line instead); null otherwise
 * @param modelVersion     the version of the trained team model consulted for this decision (whether or not it
 *                         decided); null when none was live
 */
public record RoutingDecision(
        Tier tier,
        String teamId,
        Reason reason,
        double confidence,
        String rule,
        String productUri,
        String productName,
        String articleId,
        String categoryId,
        HandlingTerm handlingTerm,
        String policyName,
        int policyVersion,
        String teamWithoutTopic,
        Integer modelVersion) {

    public RoutingDecision(Tier tier, String teamId, Reason reason, double confidence, String rule, String productUri,
            String productName, String articleId, String categoryId, HandlingTerm handlingTerm, String policyName,
            int policyVersion, String teamWithoutTopic) {
        this(tier, teamId, reason, confidence, rule, productUri, productName, articleId, categoryId, handlingTerm,
                policyName, policyVersion, teamWithoutTopic, null);
    }

    /** The same decision, naming the model version that was consulted (null: none). */
    public RoutingDecision withModelVersion(Integer version) {
        return new RoutingDecision(tier, teamId, reason, confidence, rule, productUri, productName, articleId,
                categoryId, handlingTerm, policyName, policyVersion, teamWithoutTopic, version);
    }

    /** A decision for a team that can receive it. */
    public RoutingDecision(Tier tier, String teamId, Reason reason, double confidence, String rule, String productUri,
            String productName, String articleId, String categoryId, HandlingTerm handlingTerm, String policyName,
            int policyVersion) {
        this(tier, teamId, reason, confidence, rule, productUri, productName, articleId, categoryId, handlingTerm,
                policyName, policyVersion, null);
    }
}
