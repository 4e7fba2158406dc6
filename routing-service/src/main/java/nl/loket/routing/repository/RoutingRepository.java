package nl.loket.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import nl.loket.routing.domain.RoutedContactEntity;
import nl.loket.routing.domain.RoutingDecisionEntity;

/** Reads of routing state; writes happen in {@code RoutingService}'s transactions. */
@ApplicationScoped
public class RoutingRepository {

    @WithSession
    public Uni<RoutingDecisionEntity> decision(String contactId, int hop) {
        return RoutingDecisionEntity.findById(RoutingDecisionEntity.idOf(contactId, hop));
    }

    @WithSession
    public Uni<RoutedContactEntity> contact(String contactId) {
        return RoutedContactEntity.findById(contactId);
    }

    /**
     * The contact, share-locked until the caller's transaction ends ({@code FOR SHARE}): an erasure of its personal
     * data waits for the decision stored in that transaction, and a decision waits for a running erasure.
     */
    public Uni<RoutedContactEntity> contactLockedForDecision(String contactId) {
        return RoutedContactEntity.findById(contactId, LockModeType.PESSIMISTIC_READ);
    }
}
