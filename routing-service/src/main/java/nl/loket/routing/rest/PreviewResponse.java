package nl.loket.routing.rest;

import java.util.List;

import nl.loket.routing.domain.Signal;

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
        String intent,
        Signal signal,
        Integer modelVersion,
        ModelView model,
        RulesOnly rulesOnly) {

    /** What the trained model says: its best team, how sure, the version, the words that weighed most. */
    public record ModelView(String teamId, double confidence, int version, List<String> terms) {
    }

    /** The decision the rules alone would make. */
    public record RulesOnly(String teamId, String rule) {
    }
}
