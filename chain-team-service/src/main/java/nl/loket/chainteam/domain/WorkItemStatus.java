package nl.loket.chainteam.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a work item stands in its team's queue. */
public enum WorkItemStatus {
    /** In the queue, nobody works on it. */
    OPEN,
    /** A member claimed it. */
    CLAIMED,
    /** A call-back was requested; back to OPEN when it is completed. */
    CALLBACK_PENDING,
    /** The team asked routing-service to hand it on; it moves when the new assignment (hop + 1) arrives. */
    TRANSFER_REQUESTED,
    /** Settled with an outcome. */
    RESOLVED;

    /** What a queue shows when no status filter is given. */
    public static final Set<WorkItemStatus> ACTIVE = EnumSet.of(OPEN, CLAIMED, CALLBACK_PENDING);
}
