package nl.loket.chainteam.domain;

/** Actions in a work item's history. */
public enum HistoryAction {
    /** A ContactAssigned arrived: the item is (re)created in the team's queue. */
    ASSIGNED,
    /** A ContactAssigned with a hop not above the item's current hop: recorded, state unchanged. */
    ASSIGNMENT_IGNORED,
    CLAIMED,
    RELEASED,
    RESOLVED,
    TRANSFER_REQUESTED,
    CALLBACK_REQUESTED,
    CALLBACK_COMPLETED,
    DEADLINE_APPROACHING,
    DEADLINE_BREACHED
}
