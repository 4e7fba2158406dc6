package nl.loket.intake.rest;

import java.time.Instant;

/** What intake knows of an accepted contact during the idempotency window. */
public record ContactReceiptResponse(String contactId, Instant receivedAt, Instant acceptedAt, String status) {
}
