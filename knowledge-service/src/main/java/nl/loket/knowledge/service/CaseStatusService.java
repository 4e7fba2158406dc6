package nl.loket.knowledge.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.knowledge.domain.CaseStatus;
import nl.loket.knowledge.config.KnowledgeConfig;
import nl.loket.knowledge.repository.CaseStatusRepository;
import nl.loket.knowledge.repository.TeamRepository;
import nl.loket.kit.inbox.Inbox;

@ApplicationScoped
public class CaseStatusService {

    private final CaseStatusRepository cases;
    private final TeamRepository teams;
    private final Inbox inbox;
    private final KnowledgeConfig config;

    public CaseStatusService(CaseStatusRepository cases, TeamRepository teams, Inbox inbox, KnowledgeConfig config) {
        this.cases = cases;
        this.teams = teams;
        this.inbox = inbox;
        this.config = config;
    }

    @WithSession
    public Uni<CaseStatus> find(String reference) {
        return cases.findById(reference);
    }

    /**
     * Applies a status report once: the event id is recorded in the same transaction, a repeat is skipped, and an
     * older report (by {@code changedAt}) never overwrites a newer one. A report dated in the future (beyond the
     * allowed clock skew) would freeze the case's status for good, and one naming a team that does not exist would
     * send the citizen's next contact about it nowhere: both are refused.
     *
     * @throws CaseStatusRejectedException (as the Uni's failure) with the reason
     */
    @WithTransaction
    public Uni<Boolean> apply(String eventId, CaseStatusChanged event) {
        Instant latest = Instant.now().plus(config.caseStatusMaxClockSkew());
        if (event.changedAt().isAfter(latest)) {
            return Uni.createFrom().failure(new CaseStatusRejectedException("changedAt " + event.changedAt()
                    + " lies in the future (later than now + " + config.caseStatusMaxClockSkew() + ")"));
        }
        Uni<Void> teamKnown = event.teamId() == null ? Uni.createFrom().voidItem()
                : teams.findById(event.teamId()).chain(team -> team != null ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new CaseStatusRejectedException("unknown team " + event.teamId())));
        return teamKnown.chain(() -> inbox.markProcessed(eventId)).chain(first -> {
            if (!first) {
                Log.debugf("Case status event %s already applied", eventId);
                return Uni.createFrom().item(false);
            }
            Instant now = Instant.now();
            return cases.findById(event.caseReference())
                    .chain(current -> {
                        if (current != null && current.changedAt.isAfter(event.changedAt())) {
                            return Uni.createFrom().voidItem();
                        }
                        CaseStatus c = current != null ? current : new CaseStatus();
                        c.reference = event.caseReference();
                        c.municipality = event.municipality();
                        c.productUri = event.productUri();
                        c.teamId = event.teamId();
                        c.status = event.status();
                        c.statusText = event.statusText();
                        c.expectedDecisionDate = event.expectedDecisionDate();
                        c.changedAt = event.changedAt();
                        c.updatedAt = now;
                        return current != null ? Uni.createFrom().voidItem() : cases.persist(c).replaceWithVoid();
                    })
                    .replaceWith(true);
        });
    }

    /** A tombstone on cases.status: the back office withdrew the case. */
    @WithTransaction
    public Uni<Boolean> remove(String eventId, String reference) {
        return inbox.markProcessed(eventId).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return cases.delete("reference", reference).replaceWith(true);
        });
    }
}
