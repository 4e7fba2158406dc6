package nl.loket.chainteam.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.chainteam.repository.CallbackRepository;
import nl.loket.chainteam.repository.WorkItemRepository;

/**
 * Who may see and act on what, in one place. An item or call-back outside the member's reach answers 404 (its
 * existence does not leak); a team URL of a team the member is not in answers 403; an item that is not in a state
 * the member may act on answers 409.
 */
@ApplicationScoped
public class ItemAccess {

    private final WorkItemRepository items;
    private final CallbackRepository callbacks;

    public ItemAccess(WorkItemRepository items, CallbackRepository callbacks) {
        this.items = items;
        this.callbacks = callbacks;
    }

    /** The item, if it is in one of the member's teams; otherwise 404. */
    public Uni<WorkItem> visibleItem(String contactId, Member member) {
        return items.findById(contactId).onItem().transform(item -> {
            if (item == null || !member.inTeam(item.teamId)) {
                throw ProblemException.notFound("No work item for contact " + contactId + " in your team(s)");
            }
            return item;
        });
    }

    /** A visible item the member may settle, transfer or call back: OPEN, or CLAIMED by the member. */
    public Uni<WorkItem> workableItem(String contactId, Member member) {
        return visibleItem(contactId, member).onItem().transform(item -> {
            boolean mine = item.status == WorkItemStatus.CLAIMED && member.id().equals(item.assignee);
            if (item.status != WorkItemStatus.OPEN && !mine) {
                throw notActionable(item);
            }
            return item;
        });
    }

    /**
     * A call-back the member may complete: members of the requesting team, of the target team, and the target
     * member; to anyone else it does not exist (404).
     */
    public Uni<Callback> completableCallback(String callbackId, Member member) {
        return callbacks.findById(callbackId).onItem().transform(cb -> {
            if (cb == null || !(member.inTeam(cb.teamId) || member.inTeam(cb.targetTeamId)
                    || member.id().equals(cb.targetMember))) {
                throw ProblemException.notFound("No call-back " + callbackId);
            }
            return cb;
        });
    }

    /** Team URLs: members of the team only (403). */
    public static void requireTeam(String teamId, Member member) {
        if (!member.inTeam(teamId)) {
            throw ProblemException.forbidden("You are not a member of team " + teamId);
        }
    }

    /** Why the member cannot act on the item in its current state (409). */
    static ProblemException notActionable(WorkItem item) {
        return switch (item.status) {
            case CLAIMED -> ProblemException.conflict("Contact " + item.contactId + " is claimed by " + item.assignee);
            case RESOLVED -> ProblemException.conflict("Contact " + item.contactId + " is resolved");
            case TRANSFER_REQUESTED -> ProblemException.conflict("Contact " + item.contactId + " awaits its transfer");
            case CALLBACK_PENDING -> ProblemException.conflict("Contact " + item.contactId
                    + " awaits a call-back; complete it first");
            case OPEN -> ProblemException.conflict("Contact " + item.contactId + " is open");
        };
    }
}
