package nl.loket.chainteam.rest;

import java.time.Instant;

import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.TeamSummary;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.chainteam.rest.ApiModels.CallbackView;
import nl.loket.chainteam.rest.ApiModels.Citizen;
import nl.loket.chainteam.rest.ApiModels.HistoryEntryView;
import nl.loket.chainteam.rest.ApiModels.InzageContact;
import nl.loket.chainteam.rest.ApiModels.TeamSummaryView;
import nl.loket.chainteam.rest.ApiModels.Term;
import nl.loket.chainteam.rest.ApiModels.WorkItemView;
import nl.loket.chainteam.service.PrivacyRequests;
import nl.loket.kit.auth.Caller;

/** Entities → API models, explicitly. */
final class ApiMapper {

    private ApiMapper() {
    }

    /** The member making the request, from the verified access token (member name, organisation, teams). */
    static Member toMember(Caller caller) {
        return new Member(caller.name(), caller.organisation(), caller.teams());
    }

    static WorkItemView toApi(WorkItem i, Instant now) {
        Citizen citizen = i.citizenRef == null && i.citizenName == null && i.citizenEmail == null && i.citizenPhone == null
                ? null : new Citizen(i.citizenRef, i.citizenName, i.citizenEmail, i.citizenPhone);
        Term term = i.termDays == null ? null : new Term(i.termDays, i.termUnit);
        boolean overdue = i.status != WorkItemStatus.RESOLVED && i.dueAt.isBefore(now);
        return new WorkItemView(i.contactId, i.teamId, i.tier, i.hop, i.channel, i.municipality, i.status, i.assignee,
                i.receivedAt, i.assignedAt, i.dueAt, overdue, i.subject, i.text, i.language, citizen, i.caseReference,
                i.productUri, i.productName, i.articleId, i.categoryId, term, i.routingReason, i.confidence,
                i.previousTeamId, i.transferReason, i.followUpOf, i.outcome, i.resolvedAt, i.personalDataErasedAt);
    }

    static TeamSummaryView toApi(TeamSummary s) {
        return new TeamSummaryView(s.teamId(), s.open(), s.unassigned(), s.overdue(), s.dueToday(), s.callbacksOpen(),
                s.callbacksDue(), s.version());
    }

    static HistoryEntryView toApi(HistoryEntry e) {
        return new HistoryEntryView(e.seq, e.occurredAt, e.action, e.actor, e.organisation, e.teamId, e.tier, e.hop,
                e.statusAfter, e.assigneeAfter, e.dueAt, e.outcome, e.note, e.reason, e.targetTeamId, e.targetMember,
                e.callbackId, e.eventId);
    }

    static InzageContact toApi(PrivacyRequests.ContactData d, Instant now) {
        return new InzageContact(toApi(d.item(), now), d.history().stream().map(ApiMapper::toApi).toList(),
                d.callbacks().stream().map(ApiMapper::toApi).toList());
    }

    static CallbackView toApi(Callback c) {
        return new CallbackView(c.callbackId, c.contactId, c.teamId, c.targetTeamId, c.targetMember, c.dueAt, c.note,
                c.status, c.requestedBy, c.requestedAt, c.reached, c.completedBy, c.completedAt, c.completionNote);
    }
}
