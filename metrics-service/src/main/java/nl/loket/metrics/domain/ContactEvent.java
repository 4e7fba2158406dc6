package nl.loket.metrics.domain;

/**
 * A consumed event that passed every check: its CloudEvents id and type, the contact it is about, and the data as
 * the contract's record.
 */
public record ContactEvent(String id, String type, String contactId, Record data) {
}
