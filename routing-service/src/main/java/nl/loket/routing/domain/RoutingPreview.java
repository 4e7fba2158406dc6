package nl.loket.routing.domain;

/** A decision as the preview shows it: where the contact would go, and the intent read in its text. */
public record RoutingPreview(RoutingDecision decision, Intent intent) {
}
