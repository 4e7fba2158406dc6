package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.CallbackStatus;
import nl.loket.chainteam.domain.DeadlineCalculator;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.chainteam.repository.CallbackRepository;
import nl.loket.chainteam.repository.WorkItemRepository;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;

/**
 * Call-back requests (terugbelnotities): requested on a workable item, which then waits (CALLBACK_PENDING) until
 * the call-back is completed and returns to its team's queue. Each is one transaction.
 */
@ApplicationScoped
public class CallbackActions {

    private final ItemAccess access;
    private final WorkItemRepository items;
    private final CallbackRepository callbacks;
    private final HistoryRecorder history;
    private final LifecycleOutbox lifecycle;
    private final DeadlineCalculator deadlines;
    private final AgentTextRedaction redaction;
    private final Clock clock = Clock.systemUTC();

    public CallbackActions(ItemAccess access, WorkItemRepository items, CallbackRepository callbacks,
            HistoryRecorder history, LifecycleOutbox lifecycle, DeadlineCalculator deadlines,
            AgentTextRedaction redaction) {
        this.access = access;
        this.items = items;
        this.callbacks = callbacks;
        this.history = history;
        this.lifecycle = lifecycle;
        this.deadlines = deadlines;
        this.redaction = redaction;
    }

    /**
     * Requests a call-back → CallbackRequested; without {@code dueAt}, due at the end of the next working day. BSNs
     * and IBANs are taken out of the note.
     */
    public Uni<Callback> request(String contactId, Member member, String targetTeamId, String targetMember,
            Instant dueAt, String typedNote) {
        String note = redaction.note(typedNote);
        return ItemTransactions.inTransaction(() -> access.workableItem(contactId, member).chain(item -> {
            Instant now = clock.instant();
            Instant due = dueAt != null ? dueAt : deadlines.dueAt(now, new HandlingTerm(1, TermUnit.WORKING_DAYS));
            Callback cb = Callback.request(item, targetTeamId, targetMember, due, note, member.id(), now);
            item.status = WorkItemStatus.CALLBACK_PENDING;
            item.assignee = null;
            item.callbackRequested = true;
            CallbackRequested event = new CallbackRequested(item.contactId, cb.callbackId, item.teamId, targetTeamId,
                    targetMember, due, member.id(), now);
            return callbacks.persist(cb)
                    .chain(() -> history.record(item, HistoryAction.CALLBACK_REQUESTED, member, now, e -> {
                        e.callbackId = cb.callbackId;
                        e.targetTeamId = targetTeamId;
                        e.targetMember = targetMember;
                        e.note = note;
                        e.dueAt = due;
                    }))
                    .chain(() -> lifecycle.add(item.contactId, event, now)).replaceWith(cb);
        }));
    }

    /**
     * Completes a call-back → CallbackCompleted (who may: {@link ItemAccess#completableCallback}). An item waiting
     * for it returns to its team's queue (OPEN); the history records the completion either way. BSNs and IBANs are
     * taken out of the note.
     */
    public Uni<Callback> complete(String callbackId, Member member, boolean reached, String typedNote) {
        String note = redaction.note(typedNote);
        return ItemTransactions.inTransaction(() -> access.completableCallback(callbackId, member).chain(cb -> {
            if (cb.status != CallbackStatus.OPEN) {
                return Uni.createFrom().failure(ProblemException.conflict("Call-back " + callbackId + " is completed"));
            }
            Instant now = clock.instant();
            cb.complete(reached, member.id(), now, note);
            CallbackCompleted event = new CallbackCompleted(cb.contactId, cb.callbackId, cb.teamId, reached,
                    member.id(), now);
            return items.findById(cb.contactId).chain(item -> {
                if (item.status == WorkItemStatus.CALLBACK_PENDING) {
                    item.status = WorkItemStatus.OPEN;
                    item.assignee = null;
                }
                return history.record(item, HistoryAction.CALLBACK_COMPLETED, member, now, e -> {
                    e.callbackId = callbackId;
                    e.note = note;
                    e.reason = reached ? "reached" : "not reached";
                });
            }).chain(() -> lifecycle.add(cb.contactId, event, now)).replaceWith(cb);
        }));
    }
}
