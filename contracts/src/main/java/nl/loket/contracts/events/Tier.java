package nl.loket.contracts.events;

/** Where in the Antwoord model a team stands. */
public enum Tier {
    /** The contact centre (KCC): answers directly. */
    FIRST_LINE,
    /** A specialised chain team, possibly with partner organisations' staff. */
    CHAIN_TEAM,
    /** A back office: handles what neither the first line nor a chain team can. */
    BACK_OFFICE
}
