package nl.loket.routing.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads of routing state; writes happen in {@code RoutingService}'s transactions. */
@ApplicationScoped
public class RoutingRepository {

    @WithSession
    public Uni<List<RoutingDecisionEntity>> decisions(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return RoutingDecisionEntity.list("id in ?1", ids);
    }

    @WithSession
    public Uni<RoutingDecisionEntity> decision(String contactId, int hop) {
        return RoutingDecisionEntity.findById(RoutingDecisionEntity.idOf(contactId, hop));
    }

    @WithSession
    public Uni<RoutedContactEntity> contact(String contactId) {
        return RoutedContactEntity.findById(contactId);
    }
}
