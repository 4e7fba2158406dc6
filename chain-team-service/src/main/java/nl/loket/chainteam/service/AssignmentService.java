package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>
 * A batch of assignments (one poll of the team topics) is applied in one transaction, its reads a fixed number of
 * statements whatever its size — the event ids marked in one, the batch's work items loaded in one, the history's
 * sequence numbers read in one — and the changes made in memory, in record order, for Hibernate to write at once
 * (items in JDBC batches; history entries still one insert each, their ids being IDENTITY columns).
 * Assignments of the same contact in one batch change the same item one after the other, so the end state is the
 * one applying them one by one would give.
 */
@ApplicationScoped
public class AssignmentService {

    /** Actor recorded for assignments (they come from routing-service). */
    public static final String ROUTING_ACTOR = "system:routing-service";

    /** What became of a consumed assignment. */
    public enum AssignmentResult {
        CREATED, MOVED, IGNORED_STALE, DUPLICATE
    }

    /** A consumed assignment: its event id (ce_id, the idempotency key) and the event. */
    public record Assignment(String eventId, ContactAssigned assigned) {
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

    /**
     * Applies the assignments in order, in one transaction (run again as a whole on a concurrent change of one of its
     * items, see {@link ItemTransactions}).
     *
     * @return what became of each assignment, in the order given; an event id processed before, or already earlier in
     *         the list, is a {@link AssignmentResult#DUPLICATE} and changes nothing
     */
    public Uni<List<AssignmentResult>> applyAll(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ItemTransactions.inTransaction(() -> inbox.markProcessed(eventIds(assignments))
                .chain(firstTime -> apply(assignments, firstTime)))
                .invoke(results -> logResults(assignments, results));
    }

    private Uni<List<AssignmentResult>> apply(List<Assignment> assignments, Set<String> firstTime) {
        // the first occurrence of an id recorded now is applied; later ones and ids processed before are duplicates
        Set<String> unapplied = new HashSet<>(firstTime);
        boolean[] fresh = new boolean[assignments.size()];
        Set<String> contactIds = new LinkedHashSet<>();
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = unapplied.remove(assignments.get(i).eventId());
            if (fresh[i]) {
                contactIds.add(assignments.get(i).assigned().contactId());
            }
        }
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(assignments.stream().map(a -> AssignmentResult.DUPLICATE).toList());
        }
        return items.ofContacts(contactIds).chain(found -> history.batchOf(contactIds).chain(entries -> {
            Map<String, WorkItem> known = new HashMap<>();
            found.forEach(item -> known.put(item.contactId, item));
            List<WorkItem> created = new ArrayList<>();
            List<AssignmentResult> results = new ArrayList<>();
            for (int i = 0; i < fresh.length; i++) {
                results.add(fresh[i] ? apply(assignments.get(i), known, created, entries)
                        : AssignmentResult.DUPLICATE);
            }
            // new items first: the first history entry's insert then writes them all together (JDBC batches)
            Uni<Void> persisted = created.isEmpty() ? Uni.createFrom().voidItem() : items.persist(created);
            return persisted.chain(entries::persist).replaceWith(results);
        }));
    }

    /** One assignment against the batch's items (those loaded and those created so far), changed in memory. */
    private AssignmentResult apply(Assignment assignment, Map<String, WorkItem> known, List<WorkItem> created,
            HistoryBatch entries) {
        ContactAssigned a = assignment.assigned();
        WorkItem existing = known.get(a.contactId());
        Instant now = clock.instant();
        if (existing != null && a.hop() <= existing.hop) {
            Log.infof("Ignoring assignment of contact %s to %s at hop %d: item is at hop %d (team %s)",
                    a.contactId(), a.teamId(), a.hop(), existing.hop, existing.teamId);
            entries.add(existing, HistoryAction.ASSIGNMENT_IGNORED, ROUTING_ACTOR, null, now, e -> {
                e.eventId = assignment.eventId();
                e.targetTeamId = a.teamId();
                e.reason = "hop " + a.hop() + " not above current hop " + existing.hop;
            });
            return AssignmentResult.IGNORED_STALE;
        }
        HandlingTerm defaultTerm = new HandlingTerm(config.defaultTerm().days(), config.defaultTerm().unit());
        Instant dueAt = deadlines.dueAt(a.receivedAt(), a.channel(), a.hop(), a.handlingTerm(), defaultTerm);
        Instant approachingAt = DeadlineCalculator.approachingAt(a.receivedAt(), dueAt,
                config.deadline().approachingShare());
        WorkItem item = existing != null ? existing : new WorkItem();
        item.assign(a, dueAt, approachingAt, now);
        if (existing == null) {
            known.put(item.contactId, item);
            created.add(item);
        }
        entries.add(item, HistoryAction.ASSIGNED, ROUTING_ACTOR, null, now, e -> {
            e.eventId = assignment.eventId();
            e.reason = item.personalDataErased() ? null
                    : a.transferReason() != null ? a.transferReason() : a.reason();
        });
        return existing != null ? AssignmentResult.MOVED : AssignmentResult.CREATED;
    }

    private static List<String> eventIds(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::eventId).toList();
    }

    private static void logResults(List<Assignment> assignments, List<AssignmentResult> results) {
        if (Log.isDebugEnabled()) {
            for (int i = 0; i < assignments.size(); i++) {
                ContactAssigned a = assignments.get(i).assigned();
                Log.debugf("Assignment %s of contact %s to %s: %s", assignments.get(i).eventId(), a.contactId(),
                        a.teamId(), results.get(i));
            }
        }
    }
}
