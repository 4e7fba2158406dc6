package nl.loket.routing.domain;

import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.Tier;

/** Where a contact goes and why. */
public record RoutingDecision(
        Tier tier,
        String teamId,
        String reason,
        double confidence,
        String rule,
        String productUri,
        String productName,
        String articleId,
        String categoryId,
        HandlingTerm handlingTerm,
        String policyName,
        int policyVersion) {
}
