package nl.loket.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;

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
}
