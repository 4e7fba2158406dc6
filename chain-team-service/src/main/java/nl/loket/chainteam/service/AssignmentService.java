package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.DeadlineCalculator;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.repository.WorkItemRepository;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.kit.inbox.Inbox;

/**
 * Assignments arriving from routing-service: a contact becomes a work item in the team's queue, or moves there at
 * a higher hop (a transfer), with its due times. Idempotent by the event id (the service kit's inbox, in the same
 * transaction); an assignment whose hop is not above the item's is recorded as ignored and changes nothing.
 */
@ApplicationScoped
public class AssignmentService {

    /** Actor recorded for assignments (they come from routing-service). */
    public static final String ROUTING_ACTOR = "system:routing-service";

    /** What became of a consumed assignment. */
    public enum AssignmentResult {
        CREATED, MOVED, IGNORED_STALE, DUPLICATE
    }

    private final WorkItemRepository items;
    private final HistoryRecorder history;
    private final Inbox inbox;
    private final DeadlineCalculator deadlines;
    private final ChainTeamConfig config;
    private final Clock clock = Clock.systemUTC();

    public AssignmentService(WorkItemRepository items, HistoryRecorder history, Inbox inbox,
            DeadlineCalculator deadlines, ChainTeamConfig config) {
        this.items = items;
        this.history = history;
        this.inbox = inbox;
        this.deadlines = deadlines;
        this.config = config;
    }

    public Uni<AssignmentResult> apply(String eventId, ContactAssigned assigned) {
        return ItemTransactions.inTransaction(() -> inbox.markProcessed(eventId).chain(first -> first
                ? items.findById(assigned.contactId()).chain(item -> apply(eventId, assigned, item))
                : Uni.createFrom().item(AssignmentResult.DUPLICATE)));
    }

    private Uni<AssignmentResult> apply(String eventId, ContactAssigned a, WorkItem existing) {
        Instant now = clock.instant();
        if (existing != null && a.hop() <= existing.hop) {
            Log.infof("Ignoring assignment of contact %s to %s at hop %d: item is at hop %d (team %s)",
                    a.contactId(), a.teamId(), a.hop(), existing.hop, existing.teamId);
            return history.record(existing, HistoryAction.ASSIGNMENT_IGNORED, ROUTING_ACTOR, null, now, e -> {
                e.eventId = eventId;
                e.targetTeamId = a.teamId();
                e.reason = "hop " + a.hop() + " not above current hop " + existing.hop;
            }).replaceWith(AssignmentResult.IGNORED_STALE);
        }
        HandlingTerm defaultTerm = new HandlingTerm(config.defaultTerm().days(), config.defaultTerm().unit());
        Instant dueAt = deadlines.dueAt(a.receivedAt(), a.channel(), a.hop(), a.handlingTerm(), defaultTerm);
        Instant approachingAt = DeadlineCalculator.approachingAt(a.receivedAt(), dueAt,
                config.deadline().approachingShare());
        WorkItem item = existing != null ? existing : new WorkItem();
        item.assign(a, dueAt, approachingAt, now);
        Uni<WorkItem> saved = existing != null ? Uni.createFrom().item(item) : items.persist(item);
        return saved.chain(i -> history.record(i, HistoryAction.ASSIGNED, ROUTING_ACTOR, null, now, e -> {
            e.eventId = eventId;
            e.reason = i.personalDataErased() ? null : a.transferReason() != null ? a.transferReason() : a.reason();
        })).replaceWith(existing != null ? AssignmentResult.MOVED : AssignmentResult.CREATED);
    }
}
