package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.SettlementRule;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.Outcome;

/**
 * A team member's actions on a work item: claim, release, resolve, transfer. Each is one transaction (item,
 * history entry and outbox row); call-backs are {@link CallbackActions}.
 */
@ApplicationScoped
public class WorkItemActions {

    private final ItemAccess access;
    private final HistoryRecorder history;
    private final LifecycleOutbox lifecycle;
    private final ChainTeamConfig config;
    private final AgentTextRedaction redaction;
    private final Clock clock = Clock.systemUTC();

    public WorkItemActions(ItemAccess access, HistoryRecorder history, LifecycleOutbox lifecycle,
            ChainTeamConfig config, AgentTextRedaction redaction) {
        this.access = access;
        this.history = history;
        this.lifecycle = lifecycle;
        this.config = config;
        this.redaction = redaction;
    }

    /** Claims an OPEN item; idempotent for the member who holds it. */
    public Uni<WorkItem> claim(String contactId, Member member) {
        return ItemTransactions.inTransaction(() -> access.visibleItem(contactId, member).chain(item -> {
            if (item.status == WorkItemStatus.CLAIMED && member.id().equals(item.assignee)) {
                return Uni.createFrom().item(item);
            }
            if (item.status != WorkItemStatus.OPEN) {
                return Uni.createFrom().failure(ItemAccess.notActionable(item));
            }
            item.status = WorkItemStatus.CLAIMED;
            item.assignee = member.id();
            return history.record(item, HistoryAction.CLAIMED, member, clock.instant(), e -> {
            }).replaceWith(item);
        }));
    }

    /** Puts an item the member claimed back in the queue. */
    public Uni<WorkItem> release(String contactId, Member member) {
        return ItemTransactions.inTransaction(() -> access.visibleItem(contactId, member).chain(item -> {
            if (item.status != WorkItemStatus.CLAIMED || !member.id().equals(item.assignee)) {
                return Uni.createFrom().failure(item.status == WorkItemStatus.CLAIMED
                        ? ProblemException.conflict("Contact " + contactId + " is claimed by " + item.assignee)
                        : ProblemException.conflict("Contact " + contactId + " is " + item.status + ", not claimed"));
            }
            item.status = WorkItemStatus.OPEN;
            item.assignee = null;
            return history.record(item, HistoryAction.RELEASED, member, clock.instant(), e -> {
            }).replaceWith(item);
        }));
    }

    /** Settles the contact with an outcome → ContactHandled; BSNs and IBANs are taken out of the note. */
    public Uni<WorkItem> resolve(String contactId, Member member, Outcome outcome, String typedNote) {
        String note = redaction.note(typedNote);
        return ItemTransactions.inTransaction(() -> access.workableItem(contactId, member).chain(item -> {
            Instant now = clock.instant();
            boolean settled = SettlementRule.settledDuringContact(item.tier, item.channel, item.hop,
                    item.callbackRequested, item.receivedAt, now, config.settleWindow());
            item.status = WorkItemStatus.RESOLVED;
            item.assignee = member.id();
            item.outcome = outcome;
            item.resolvedAt = now;
            ContactHandled event = new ContactHandled(item.contactId, item.teamId, item.tier, item.hop, item.channel,
                    outcome, member.id(), member.organisation(), settled, now);
            return history.record(item, HistoryAction.RESOLVED, member, now, e -> {
                e.outcome = outcome;
                e.note = note;
            }).chain(() -> lifecycle.add(item.contactId, event, now)).replaceWith(item);
        }));
    }

    /**
     * Asks routing-service to hand the contact on → ContactTransferRequested; it moves when re-assigned. BSNs and
     * IBANs are taken out of the reason before it is stored or published.
     */
    public Uni<WorkItem> transfer(String contactId, Member member, String toTeamId, String typedReason) {
        String reason = redaction.reason(typedReason);
        return ItemTransactions.inTransaction(() -> access.workableItem(contactId, member).chain(item -> {
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
            return history.record(item, HistoryAction.TRANSFER_REQUESTED, member, now, e -> {
                e.reason = reason;
                e.targetTeamId = toTeamId;
            }).chain(() -> lifecycle.add(item.contactId, event, now)).replaceWith(item);
        }));
    }
}
