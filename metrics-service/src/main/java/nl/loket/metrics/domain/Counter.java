package nl.loket.metrics.domain;

/** The additive counters of a rollup row, in the column order of {@code kpi_rollup}. */
public enum Counter {
    RECEIVED("received"),
    FIRST_CONTACTS("first_contacts"),
    DIRECTLY_HANDLED("directly_handled"),
    SETTLED("settled"),
    SETTLED_SAME_DAY("settled_same_day"),
    SETTLED_FIRST_LINE("settled_first_line"),
    SETTLED_CHAIN_TEAM("settled_chain_team"),
    SETTLED_BACK_OFFICE("settled_back_office"),
    TRANSFERRED("transferred"),
    CALLBACK_REQUESTED("callback_requested"),
    /** Only meaningful per team: settled by that team (the all-teams row: settled by anyone). */
    SETTLED_BY_TEAM("settled_by_team"),
    /** Settled by the team although that team let its deadline pass. */
    BREACHED_BY_TEAM("breached_by_team");

    public static final int SIZE = values().length;

    private final String column;

    Counter(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
