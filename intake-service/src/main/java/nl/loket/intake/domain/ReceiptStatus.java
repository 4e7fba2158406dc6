package nl.loket.intake.domain;

/** Where an accepted contact stands: stored, then acknowledged by the broker. */
public enum ReceiptStatus {
    /** Stored, not yet acknowledged by Kafka: a retry with the same key publishes the same event again. */
    PENDING,
    /** Kafka acknowledged the ContactReceived event. */
    PUBLISHED
}
