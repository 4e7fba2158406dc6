package nl.loket.routing.domain;

import java.time.Instant;

/** A decision as stored, with the two events to (re)publish: ContactRouted and ContactAssigned. */
public record StoredDecision(String contactId, int hop, String teamId, String routedEventId, String assignedEventId,
        String routedJson, String assignedJson, Instant routedAt, boolean redelivered) {
}
