package nl.loket.intake.service;

import java.time.Instant;

/** A contact that Kafka acknowledged; {@code replayed} when an earlier request with the same key did the work. */
public record Acceptance(String contactId, Instant receivedAt, boolean replayed) {
}
