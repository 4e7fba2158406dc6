package nl.loket.contracts.events;

/** How a handling term is counted. */
public enum TermUnit {
    WORKING_DAYS, CALENDAR_DAYS
}
