package nl.loket.chainteam.domain;

/**
 * A team's queue in figures at one moment: its open items (OPEN, CLAIMED, CALLBACK_PENDING), those nobody has taken
 * (OPEN), those past their due time, those due later the same local day, its open call-backs (asked of the team or
 * requested by it) and those due by now. {@code version} is a digest of the state of every unsettled item of the team
 * (id and row version) and every open call-back, and of these figures: it changes with any of them. No personal data.
 */
public record TeamSummary(String teamId, long open, long unassigned, long overdue, long dueToday, long callbacksOpen,
        long callbacksDue, String version) {
}
