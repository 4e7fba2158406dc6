package nl.loket.intake.rest;

import java.time.Instant;

/** The answer to an adapter: the contact is on Kafka. {@code replayed} is true for a repeated idempotency key. */
public record ContactAccepted(String contactId, Instant receivedAt, boolean replayed) {
}
