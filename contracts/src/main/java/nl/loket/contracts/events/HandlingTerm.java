package nl.loket.contracts.events;

/** The time a team has to settle a contact, e.g. 5 working days. */
public record HandlingTerm(int days, TermUnit unit) {
}
