package nl.loket.workspace.domain;

import java.time.Instant;
import java.time.ZoneId;

/** Where a due time stands for an agent today: past it, due before the day ends, later, or none to keep. */
public enum Deadline {
    OVERDUE, DUE_TODAY, LATER, NONE;

    /**
     * The state of {@code dueAt} at {@code now}; {@link #NONE} without a due time or once settled. "Today" is the
     * calendar day of {@code now} in {@code zone}.
     */
    public static Deadline of(Instant dueAt, boolean settled, Instant now, ZoneId zone) {
        if (dueAt == null || settled) {
            return NONE;
        }
        if (!dueAt.isAfter(now)) {
            return OVERDUE;
        }
        return dueAt.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? DUE_TODAY : LATER;
    }
}
