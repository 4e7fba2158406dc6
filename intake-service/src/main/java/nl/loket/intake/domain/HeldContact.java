package nl.loket.intake.domain;

import nl.loket.contracts.events.ContactReceived;

/** What intake holds of one contact while it keeps the receipt: the stored event, and where its publication stands. */
public record HeldContact(ReceiptStatus status, ContactReceived event) {
}
