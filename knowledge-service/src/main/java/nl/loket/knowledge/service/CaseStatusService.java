package nl.loket.knowledge.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.knowledge.domain.CaseStatus;
import nl.loket.knowledge.repository.CaseStatusRepository;
import nl.loket.kit.inbox.Inbox;

@ApplicationScoped
public class CaseStatusService {

    private final CaseStatusRepository cases;
    private final Inbox inbox;

    public CaseStatusService(CaseStatusRepository cases, Inbox inbox) {
        this.cases = cases;
        this.inbox = inbox;
    }

    @WithSession
    public Uni<CaseStatus> find(String reference) {
        return cases.findById(reference);
    }

    /**
     * Applies a status report once: the event id is recorded in the same transaction, a repeat is skipped, and an
     * older report (by {@code changedAt}) never overwrites a newer one.
     */
    @WithTransaction
    public Uni<Boolean> apply(String eventId, CaseStatusChanged event) {
        return inbox.markProcessed(eventId).chain(first -> {
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
