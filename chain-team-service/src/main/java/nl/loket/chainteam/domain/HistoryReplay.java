package nl.loket.chainteam.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;

/**
 * Rebuilds a work item's state from its history alone, by the meaning of each action (not by copying the
 * recorded status). Tests compare it with the stored item: the history is complete.
 */
public final class HistoryReplay {

    private HistoryReplay() {
    }

    public record State(String teamId, Tier tier, int hop, WorkItemStatus status, String assignee, Instant dueAt,
            Outcome outcome, boolean approachingNotified, boolean breachedNotified, boolean callbackRequested) {
    }

    public static State replay(List<HistoryEntry> history) {
        State s = null;
        for (HistoryEntry e : history.stream().sorted(Comparator.comparingInt(h -> h.seq)).toList()) {
            s = switch (e.action) {
                case ASSIGNED -> new State(e.teamId, e.tier, e.hop, WorkItemStatus.OPEN, null, e.dueAt, null, false,
                        false, s != null && s.callbackRequested());
                case ASSIGNMENT_IGNORED -> s;
                case CLAIMED -> with(s, WorkItemStatus.CLAIMED, e.actor);
                case RELEASED -> with(s, WorkItemStatus.OPEN, null);
                case CALLBACK_COMPLETED -> s.status() == WorkItemStatus.CALLBACK_PENDING
                        ? with(s, WorkItemStatus.OPEN, null) : s;
                case TRANSFER_REQUESTED -> with(s, WorkItemStatus.TRANSFER_REQUESTED, null);
                case RESOLVED -> new State(s.teamId(), s.tier(), s.hop(), WorkItemStatus.RESOLVED, e.actor, s.dueAt(),
                        e.outcome, s.approachingNotified(), s.breachedNotified(), s.callbackRequested());
                case CALLBACK_REQUESTED -> new State(s.teamId(), s.tier(), s.hop(), WorkItemStatus.CALLBACK_PENDING,
                        null, s.dueAt(), s.outcome(), s.approachingNotified(), s.breachedNotified(), true);
                case DEADLINE_APPROACHING -> new State(s.teamId(), s.tier(), s.hop(), s.status(), s.assignee(),
                        s.dueAt(), s.outcome(), true, s.breachedNotified(), s.callbackRequested());
                case DEADLINE_BREACHED -> new State(s.teamId(), s.tier(), s.hop(), s.status(), s.assignee(), s.dueAt(),
                        s.outcome(), true, true, s.callbackRequested());
            };
        }
        return s;
    }

    public static State of(WorkItem item) {
        return new State(item.teamId, item.tier, item.hop, item.status, item.assignee, item.dueAt, item.outcome,
                item.approachingNotified, item.breachedNotified, item.callbackRequested);
    }

    private static State with(State s, WorkItemStatus status, String assignee) {
        return new State(s.teamId(), s.tier(), s.hop(), status, assignee, s.dueAt(), s.outcome(),
                s.approachingNotified(), s.breachedNotified(), s.callbackRequested());
    }
}
