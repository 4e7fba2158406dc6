package nl.loket.routing.domain;

import nl.loket.routing.model.ModelPrediction;

/**
 * A decision as the preview shows it: where the contact would go, the intent read in its text, which signal decided,
 * what the trained model says (null: no model, or nothing it knows in the text) and what the rules alone decide.
 */
public record RoutingPreview(RoutingDecision decision, Intent intent, Signal signal,
        ModelPrediction model, RoutingDecision rulesOnly) {
}
