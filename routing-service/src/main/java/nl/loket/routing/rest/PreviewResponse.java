package nl.loket.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.loket.contracts.events.Tier;

/** A routing decision as the preview returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviewResponse(
        Tier tier,
        String teamId,
        String reason,
        double confidence,
        String rule,
        String productUri,
        String productName,
        String articleId,
        String categoryId,
        String policyName,
        int policyVersion,
        String intent) {
}
