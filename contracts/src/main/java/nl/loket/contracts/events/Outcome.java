package nl.loket.contracts.events;

/** How a contact was settled. */
public enum Outcome {
    ANSWERED, INFORMED, REPORT_REGISTERED, REFERRED_EXTERNAL, NO_CONTACT_POSSIBLE
}
