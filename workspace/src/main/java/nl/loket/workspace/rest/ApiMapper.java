package nl.loket.workspace.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import nl.loket.workspace.client.ChainTeamModels;
import nl.loket.workspace.client.KnowledgeModels;
import nl.loket.workspace.client.RoutingModels;
import nl.loket.workspace.config.WorkspaceConfig;
import nl.loket.workspace.domain.Deadline;
import nl.loket.workspace.rest.ApiModels.Article;
import nl.loket.workspace.rest.ApiModels.Callback;
import nl.loket.workspace.rest.ApiModels.CaseStatus;
import nl.loket.workspace.rest.ApiModels.Citizen;
import nl.loket.workspace.rest.ApiModels.Decision;
import nl.loket.workspace.rest.ApiModels.HistoryEntry;
import nl.loket.workspace.rest.ApiModels.ItemDetail;
import nl.loket.workspace.rest.ApiModels.ItemPage;
import nl.loket.workspace.rest.ApiModels.Lead;
import nl.loket.workspace.rest.ApiModels.LeadMunicipality;
import nl.loket.workspace.rest.ApiModels.LeadTeam;
import nl.loket.workspace.rest.ApiModels.Me;
import nl.loket.workspace.rest.ApiModels.QueueEvent;
import nl.loket.workspace.rest.ApiModels.Registration;
import nl.loket.workspace.rest.ApiModels.SearchHit;
import nl.loket.workspace.rest.ApiModels.SearchResult;
import nl.loket.workspace.rest.ApiModels.Team;
import nl.loket.workspace.rest.ApiModels.Term;
import nl.loket.workspace.rest.ApiModels.WorkItem;
import nl.loket.workspace.service.ContactDetail;
import nl.loket.workspace.service.ContactRegistration;
import nl.loket.workspace.service.LeadFigures;
import nl.loket.workspace.service.Profile;
import nl.loket.workspace.service.Registered;

/**
 * The other services' answers → the werkplek's API models, explicitly, field by field; the deadline states are those
 * of today in {@code loket.workspace.zone}.
 */
@ApplicationScoped
public class ApiMapper {

    private final ZoneId zone;
    private final String dashboardUrl;

    public ApiMapper(WorkspaceConfig config) {
        this.zone = ZoneId.of(config.zone());
        this.dashboardUrl = config.dashboardUrl();
    }

    public WorkItem toApi(ChainTeamModels.WorkItem i, Instant now) {
        if (i == null) {
            return null;
        }
        boolean settled = "RESOLVED".equals(i.status());
        return new WorkItem(i.contactId(), i.teamId(), i.tier(), i.hop(), i.channel(), i.municipality(), i.status(),
                i.assignee(), i.receivedAt(), i.assignedAt(), i.dueAt(), i.overdue(),
                Deadline.of(i.dueAt(), settled, now, zone), i.subject(), i.text(), i.language(),
                i.citizen() == null ? null : new Citizen(i.citizen().name(), i.citizen().email(), i.citizen().phone()),
                i.caseReference(), i.productUri(), i.productName(), i.categoryId(),
                i.handlingTerm() == null ? null : new Term(i.handlingTerm().days(), i.handlingTerm().unit()),
                i.routingReason(), i.confidence(), i.articleId(), i.previousTeamId(), i.transferReason(),
                i.followUpOf(), i.outcome(), i.resolvedAt(), i.personalDataErasedAt());
    }

    public WorkItem toApi(ChainTeamModels.WorkItem i) {
        return toApi(i, Instant.now());
    }

    public ItemPage toApi(ChainTeamModels.ItemPage p) {
        Instant now = Instant.now();
        return new ItemPage(p.items() == null ? List.of() : p.items().stream().map(i -> toApi(i, now)).toList(),
                p.page(), p.size(), p.total());
    }

    public HistoryEntry toApi(ChainTeamModels.HistoryEntry h) {
        return new HistoryEntry(h.seq(), h.at(), h.action(), h.actor(), h.organisation(), h.teamId(), h.tier(),
                h.hop(), h.status(), h.assignee(), h.dueAt(), h.outcome(), h.note(), h.reason(), h.targetTeamId(),
                h.targetMember(), h.callbackId());
    }

    public Callback toApi(ChainTeamModels.Callback c, Instant now) {
        boolean completed = c.status() != null && !"OPEN".equals(c.status());
        return new Callback(c.callbackId(), c.contactId(), c.teamId(), c.targetTeamId(), c.targetMember(), c.dueAt(),
                Deadline.of(c.dueAt(), completed, now, zone), c.note(), c.status(), c.requestedBy(), c.requestedAt(),
                c.reached(), c.completedBy(), c.completedAt(), c.completionNote());
    }

    public Callback toApi(ChainTeamModels.Callback c) {
        return toApi(c, Instant.now());
    }

    public List<Callback> callbacks(List<ChainTeamModels.Callback> callbacks) {
        Instant now = Instant.now();
        return callbacks.stream().map(c -> toApi(c, now)).toList();
    }

    public ItemDetail toApi(ContactDetail d) {
        Instant now = Instant.now();
        return new ItemDetail(toApi(d.item(), now), d.history().stream().map(this::toApi).toList(),
                d.callbacks().stream().map(c -> toApi(c, now)).toList(), toApi(d.answer()), toApi(d.caseStatus()),
                d.teamName());
    }

    /** A knowledge article as the pages show it: its question is its title, its source a link when it is one. */
    public Article toApi(KnowledgeModels.Article a) {
        if (a == null) {
            return null;
        }
        List<String> uris = a.productUris() == null ? List.of() : a.productUris();
        String url = a.source() != null && a.source().startsWith("http") ? a.source() : null;
        return new Article(a.id(), a.question(), a.question(), a.answer(), uris.isEmpty() ? null : uris.get(0), uris,
                url, a.validUntil());
    }

    public CaseStatus toApi(KnowledgeModels.CaseStatus c) {
        return c == null ? null
                : new CaseStatus(c.reference(), c.status(), c.statusText(), c.expectedDecisionDate(), c.changedAt(),
                        c.teamId());
    }

    public SearchResult toApi(KnowledgeModels.SearchResult r) {
        return new SearchResult(r.query(), r.count(), r.hits() == null ? List.of()
                : r.hits().stream().map(h -> new SearchHit(h.type(), h.id(), h.title(), h.snippet(), h.teamId(),
                        h.score())).toList());
    }

    public Team toApi(KnowledgeModels.Team t) {
        return new Team(t.id(), t.name(), t.tier());
    }

    public Me toApi(Profile p) {
        return new Me(p.caller().name(), p.displayName(), p.caller().organisation(),
                p.teams().stream().map(this::toApi).toList(),
                List.copyOf(new TreeSet<>(p.caller().municipalities())), List.copyOf(new TreeSet<>(p.caller().roles())),
                p.canRegister(), p.teamLead(), dashboardUrl);
    }

    public QueueEvent toApi(ChainTeamModels.TeamSummary s, String teamId) {
        return new QueueEvent(teamId, s.open(), s.version());
    }

    public Registration toApi(Registered r) {
        RoutingModels.Preview p = r.decision();
        Decision decision = p == null ? null
                : new Decision(p.tier(), p.teamId(), r.teamName(), p.reason(), p.confidence(), p.productName(),
                        p.articleId());
        return new Registration(r.contactId(), decision, toApi(r.answer()), r.ownTeam());
    }

    public Lead toApi(LeadFigures f) {
        return new Lead(f.teams().stream().map(t -> new LeadTeam(t.teamId(), t.name(), t.summary().open(),
                t.summary().unassigned(), t.summary().overdue(), t.summary().dueToday(), t.summary().callbacksDue()))
                .toList(),
                f.municipalities().stream().map(m -> {
                    var dh = m.summary().directHandling();
                    return new LeadMunicipality(m.municipality(), m.summary().received(),
                            dh == null ? 0 : dh.directlyHandled(),
                            dh == null ? m.summary().firstContacts() : dh.firstContacts(),
                            dh == null ? null : dh.share(), dh == null ? 0 : dh.target());
                }).toList(),
                dashboardUrl);
    }

    /** The request → the service's registration (the citizen's details flattened; the BSN only handed on). */
    public static ContactRegistration toService(ApiModels.RegistrationRequest r) {
        var c = r.citizen();
        return new ContactRegistration(r.channel(), r.municipality(), r.subject(), r.text(), r.deskTopic(),
                c == null ? null : c.name(), c == null ? null : c.email(), c == null ? null : c.phone(), r.bsn());
    }
}
