package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.time.Duration;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.CallbackStatus;
import nl.loket.chainteam.domain.DeadlineCalculator;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.ProcessedEvent;
import nl.loket.chainteam.domain.SettlementRule;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.chainteam.repository.CallbackRepository;
import nl.loket.chainteam.repository.HistoryRepository;
import nl.loket.chainteam.repository.ProcessedEventRepository;
import nl.loket.chainteam.repository.WorkItemRepository;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.TermUnit;

/**
 * Everything that changes a work item. Each mutator is one transaction: the item, its history entry, the
 * processed event id (for consumed events) and the outbox row commit together or not at all.
 */
@ApplicationScoped
public class WorkItemService {

    /** Actor recorded for assignments (they come from routing-service). */
    public static final String ROUTING_ACTOR = "system:routing-service";

    private final WorkItemRepository items;
    private final HistoryRepository history;
    private final CallbackRepository callbacks;
    private final ProcessedEventRepository processed;
    private final OutboxWriter outbox;
    private final DeadlineCalculator deadlines;
    private final ChainTeamConfig config;
    private final Clock clock;

    public WorkItemService(WorkItemRepository items, HistoryRepository history, CallbackRepository callbacks,
            ProcessedEventRepository processed, OutboxWriter outbox, DeadlineCalculator deadlines,
            ChainTeamConfig config) {
        this.items = items;
        this.history = history;
        this.callbacks = callbacks;
        this.processed = processed;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** What became of a consumed assignment. */
    public enum AssignmentResult {
        CREATED, MOVED, IGNORED_STALE, DUPLICATE
    }

    // ---------------------------------------------------------------- consumed events

    public Uni<AssignmentResult> applyAssignment(String eventId, ContactAssigned assigned) {
        return inTransaction(() -> processed.findById(eventId).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(AssignmentResult.DUPLICATE);
            }
            ProcessedEvent mark = new ProcessedEvent();
            mark.eventId = eventId;
            mark.processedAt = clock.instant();
            return processed.persist(mark)
                    .chain(() -> items.findById(assigned.contactId()))
                    .chain(item -> apply(eventId, assigned, item));
        }));
    }

    private Uni<AssignmentResult> apply(String eventId, ContactAssigned a, WorkItem existing) {
        Instant now = clock.instant();
        if (existing != null && a.hop() <= existing.hop) {
            Log.infof("Ignoring assignment of contact %s to %s at hop %d: item is at hop %d (team %s)",
                    a.contactId(), a.teamId(), a.hop(), existing.hop, existing.teamId);
            return record(existing, HistoryAction.ASSIGNMENT_IGNORED, ROUTING_ACTOR, null, now, e -> {
                e.eventId = eventId;
                e.targetTeamId = a.teamId();
                e.reason = "hop " + a.hop() + " not above current hop " + existing.hop;
            }).replaceWith(AssignmentResult.IGNORED_STALE);
        }
        WorkItem item = existing != null ? existing : new WorkItem();
        item.contactId = a.contactId();
        item.teamId = a.teamId();
        item.tier = a.tier();
        item.hop = a.hop();
        item.channel = a.channel();
        item.municipality = a.municipality();
        item.status = WorkItemStatus.OPEN;
        item.assignee = null;
        item.receivedAt = a.receivedAt();
        item.assignedAt = now;
        item.subject = a.subject();
        item.text = a.text();
        item.language = a.language();
        item.citizenRef = a.citizen() != null ? a.citizen().citizenRef() : null;
        item.citizenName = a.citizen() != null ? a.citizen().name() : null;
        item.citizenEmail = a.citizen() != null ? a.citizen().email() : null;
        item.citizenPhone = a.citizen() != null ? a.citizen().phone() : null;
        item.caseReference = a.caseReference();
        item.productUri = a.productUri();
        item.productName = a.productName();
        item.categoryId = a.categoryId();
        item.termDays = a.handlingTerm() != null ? a.handlingTerm().days() : null;
        item.termUnit = a.handlingTerm() != null ? a.handlingTerm().unit() : null;
        item.routingReason = a.reason();
        item.previousTeamId = a.previousTeamId();
        item.transferReason = a.transferReason();
        item.followUpOf = a.followUpOf();
        item.outcome = null;
        item.resolvedAt = null;
        HandlingTerm defaultTerm = new HandlingTerm(config.defaultTerm().days(), config.defaultTerm().unit());
        item.dueAt = deadlines.dueAt(a.receivedAt(), a.channel(), a.hop(), a.handlingTerm(), defaultTerm);
        item.approachingAt = DeadlineCalculator.approachingAt(a.receivedAt(), item.dueAt,
                config.deadline().approachingShare());
        // once per item per assignment: a new team gets its own warnings
        item.approachingNotified = false;
        item.breachedNotified = false;
        Uni<WorkItem> saved = existing != null ? Uni.createFrom().item(item) : items.persist(item);
        return saved.chain(i -> record(i, HistoryAction.ASSIGNED, ROUTING_ACTOR, null, now, e -> {
            e.eventId = eventId;
            e.reason = a.transferReason() != null ? a.transferReason() : a.reason();
        })).replaceWith(existing != null ? AssignmentResult.MOVED : AssignmentResult.CREATED);
    }

    // ---------------------------------------------------------------- member actions

    public Uni<WorkItem> claim(String contactId, Member member) {
        return inTransaction(() -> visibleItem(contactId, member).chain(item -> {
            if (item.status == WorkItemStatus.CLAIMED && member.id().equals(item.assignee)) {
                return Uni.createFrom().item(item);
            }
            if (item.status != WorkItemStatus.OPEN) {
                return Uni.createFrom().failure(notActionable(item, member));
            }
            item.status = WorkItemStatus.CLAIMED;
            item.assignee = member.id();
            return record(item, HistoryAction.CLAIMED, member.id(), member.organisation(), clock.instant(), e -> {
            }).replaceWith(item);
        }));
    }

    public Uni<WorkItem> release(String contactId, Member member) {
        return inTransaction(() -> visibleItem(contactId, member).chain(item -> {
            if (item.status != WorkItemStatus.CLAIMED || !member.id().equals(item.assignee)) {
                return Uni.createFrom().failure(item.status == WorkItemStatus.CLAIMED
                        ? ProblemException.conflict("Contact " + contactId + " is claimed by " + item.assignee)
                        : ProblemException.conflict("Contact " + contactId + " is " + item.status + ", not claimed"));
            }
            item.status = WorkItemStatus.OPEN;
            item.assignee = null;
            return record(item, HistoryAction.RELEASED, member.id(), member.organisation(), clock.instant(), e -> {
            }).replaceWith(item);
        }));
    }

    public Uni<WorkItem> resolve(String contactId, Member member, Outcome outcome, String note) {
        return inTransaction(() -> workableItem(contactId, member).chain(item -> {
            Instant now = clock.instant();
            boolean settled = SettlementRule.settledDuringContact(item.tier, item.channel, item.hop,
                    item.callbackRequested, item.receivedAt, now, config.settleWindow());
            item.status = WorkItemStatus.RESOLVED;
            item.assignee = member.id();
            item.outcome = outcome;
            item.resolvedAt = now;
            ContactHandled event = new ContactHandled(item.contactId, item.teamId, item.tier, item.hop, item.channel,
                    outcome, member.id(), member.organisation(), settled, now);
            return record(item, HistoryAction.RESOLVED, member.id(), member.organisation(), now, e -> {
                e.outcome = outcome;
                e.note = note;
            }).chain(() -> outbox.add(item.contactId, event, now)).replaceWith(item);
        }));
    }

    public Uni<WorkItem> transfer(String contactId, Member member, String toTeamId, String reason) {
        return inTransaction(() -> workableItem(contactId, member).chain(item -> {
            if (item.teamId.equals(toTeamId)) {
                return Uni.createFrom().failure(
                        ProblemException.invalid("toTeamId", "is the team that holds the contact already"));
            }
            Instant now = clock.instant();
            String from = item.teamId;
            item.status = WorkItemStatus.TRANSFER_REQUESTED;
            item.assignee = null;
            ContactTransferRequested event = new ContactTransferRequested(item.contactId, from, toTeamId, item.hop,
                    reason, member.id(), now);
            return record(item, HistoryAction.TRANSFER_REQUESTED, member.id(), member.organisation(), now, e -> {
                e.reason = reason;
                e.targetTeamId = toTeamId;
            }).chain(() -> outbox.add(item.contactId, event, now)).replaceWith(item);
        }));
    }

    public Uni<Callback> requestCallback(String contactId, Member member, String targetTeamId, String targetMember,
            Instant dueAt, String note) {
        return inTransaction(() -> workableItem(contactId, member).chain(item -> {
            Instant now = clock.instant();
            Instant due = dueAt != null ? dueAt : deadlines.dueAt(now, new HandlingTerm(1, TermUnit.WORKING_DAYS));
            Callback cb = new Callback();
            cb.callbackId = UUID.randomUUID().toString();
            cb.contactId = item.contactId;
            cb.teamId = item.teamId;
            cb.targetTeamId = targetTeamId;
            cb.targetMember = targetMember;
            cb.dueAt = due;
            cb.note = note;
            cb.status = CallbackStatus.OPEN;
            cb.requestedBy = member.id();
            cb.requestedAt = now;
            item.status = WorkItemStatus.CALLBACK_PENDING;
            item.assignee = null;
            item.callbackRequested = true;
            CallbackRequested event = new CallbackRequested(item.contactId, cb.callbackId, item.teamId, targetTeamId,
                    targetMember, due, member.id(), now);
            return callbacks.persist(cb)
                    .chain(() -> record(item, HistoryAction.CALLBACK_REQUESTED, member.id(), member.organisation(), now,
                            e -> {
                                e.callbackId = cb.callbackId;
                                e.targetTeamId = targetTeamId;
                                e.targetMember = targetMember;
                                e.note = note;
                                e.dueAt = due;
                            }))
                    .chain(() -> outbox.add(item.contactId, event, now)).replaceWith(cb);
        }));
    }

    /**
     * Completes a call-back. Members of the requesting team, of the target team, and the target member may do so;
     * to anyone else the call-back does not exist. The item returns to its team's queue (OPEN).
     */
    public Uni<Callback> completeCallback(String callbackId, Member member, boolean reached, String note) {
        return inTransaction(() -> callbacks.findById(callbackId).chain(cb -> {
            if (cb == null || !mayComplete(cb, member)) {
                return Uni.createFrom().failure(ProblemException.notFound("No call-back " + callbackId));
            }
            if (cb.status != CallbackStatus.OPEN) {
                return Uni.createFrom().failure(ProblemException.conflict("Call-back " + callbackId + " is completed"));
            }
            Instant now = clock.instant();
            cb.status = CallbackStatus.COMPLETED;
            cb.reached = reached;
            cb.completedBy = member.id();
            cb.completedAt = now;
            cb.completionNote = note;
            CallbackCompleted event = new CallbackCompleted(cb.contactId, cb.callbackId, cb.teamId, reached,
                    member.id(), now);
            return items.findById(cb.contactId).chain(item -> {
                if (item.status == WorkItemStatus.CALLBACK_PENDING) {
                    item.status = WorkItemStatus.OPEN;
                    item.assignee = null;
                    return record(item, HistoryAction.CALLBACK_COMPLETED, member.id(), member.organisation(), now, e -> {
                        e.callbackId = callbackId;
                        e.note = note;
                        e.reason = reached ? "reached" : "not reached";
                    });
                }
                return recordOnly(item, HistoryAction.CALLBACK_COMPLETED, member, now, callbackId, note, reached);
            }).chain(() -> outbox.add(cb.contactId, event, now)).replaceWith(cb);
        }));
    }

    // ---------------------------------------------------------------- queries

    @WithSession
    public Uni<WorkItem> item(String contactId, Member member) {
        return visibleItem(contactId, member);
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(String contactId, Member member) {
        return visibleItem(contactId, member).chain(item -> history.of(item.contactId));
    }

    @WithSession
    public Uni<List<Callback>> callbacksOf(String contactId, Member member) {
        return visibleItem(contactId, member).chain(item -> callbacks.ofContact(item.contactId));
    }

    @WithSession
    public Uni<WorkItemRepository.QueuePage> queue(String teamId, Member member, Set<WorkItemStatus> statuses,
            Boolean overdue, Channel channel, String productUri, int page, int size) {
        requireTeam(teamId, member);
        return items.queue(teamId, statuses, overdue, channel, productUri, clock.instant(), page, size);
    }

    @WithSession
    public Uni<List<Callback>> teamCallbacks(String teamId, Member member, CallbackStatus status, int page, int size) {
        requireTeam(teamId, member);
        return callbacks.ofTeam(teamId, status, page, size);
    }

    public static void requireTeam(String teamId, Member member) {
        if (!member.inTeam(teamId)) {
            throw ProblemException.forbidden("You are not a member of team " + teamId);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * One transaction; a concurrent change of the same item (optimistic lock, or the same history sequence
     * number taken) rolls it back and runs it again in a new transaction, and after three tries answers 409.
     */
    private static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(WorkItemService::isConcurrentChange).retry()
                .withBackOff(Duration.ofMillis(50), Duration.ofMillis(500)).atMost(3)
                .onFailure(WorkItemService::isConcurrentChange).transform(e -> ProblemException.conflict(
                        "The item was changed at the same time; reload and try again"));
    }

    static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayComplete(Callback cb, Member member) {
        return member.inTeam(cb.teamId) || member.inTeam(cb.targetTeamId) || member.id().equals(cb.targetMember);
    }

    /** The item, if it is in one of the member's teams; otherwise 404 (its existence does not leak). */
    private Uni<WorkItem> visibleItem(String contactId, Member member) {
        return items.findById(contactId).onItem().transform(item -> {
            if (item == null || !member.inTeam(item.teamId)) {
                throw ProblemException.notFound("No work item for contact " + contactId + " in your team(s)");
            }
            return item;
        });
    }

    /** A visible item the member may settle, transfer or call back: OPEN, or CLAIMED by the member. */
    private Uni<WorkItem> workableItem(String contactId, Member member) {
        return visibleItem(contactId, member).onItem().transform(item -> {
            boolean mine = item.status == WorkItemStatus.CLAIMED && member.id().equals(item.assignee);
            if (item.status != WorkItemStatus.OPEN && !mine) {
                throw notActionable(item, member);
            }
            return item;
        });
    }

    private static ProblemException notActionable(WorkItem item, Member member) {
        return switch (item.status) {
            case CLAIMED -> ProblemException.conflict("Contact " + item.contactId + " is claimed by " + item.assignee);
            case RESOLVED -> ProblemException.conflict("Contact " + item.contactId + " is resolved");
            case TRANSFER_REQUESTED -> ProblemException.conflict("Contact " + item.contactId + " awaits its transfer");
            case CALLBACK_PENDING -> ProblemException.conflict("Contact " + item.contactId
                    + " awaits a call-back; complete it first");
            case OPEN -> ProblemException.conflict("Contact " + item.contactId + " is open");
        };
    }

    private Uni<HistoryEntry> recordOnly(WorkItem item, HistoryAction action, Member member, Instant now,
            String callbackId, String note, boolean reached) {
        return record(item, action, member.id(), member.organisation(), now, e -> {
            e.callbackId = callbackId;
            e.note = note;
            e.reason = reached ? "reached" : "not reached";
        });
    }

    /** Appends a history entry carrying the item's state after the action. */
    Uni<HistoryEntry> record(WorkItem item, HistoryAction action, String actor, String organisation, Instant at,
            Consumer<HistoryEntry> details) {
        return history.nextSeq(item.contactId).chain(seq -> {
            HistoryEntry e = new HistoryEntry();
            e.contactId = item.contactId;
            e.seq = seq;
            e.occurredAt = at;
            e.action = action;
            e.actor = actor;
            e.organisation = organisation;
            e.teamId = item.teamId;
            e.tier = item.tier;
            e.hop = item.hop;
            e.statusAfter = item.status;
            e.assigneeAfter = item.assignee;
            e.dueAt = item.dueAt;
            details.accept(e);
            return history.persist(e);
        });
    }
}
