package nl.loket.chainteam.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.OutboxEvent;

@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** The oldest unsent rows, in the order they were written (per-contact order is kept). */
    public Uni<List<OutboxEvent>> unsent(int limit) {
        return find("sentAt is null", Sort.by("seq")).page(0, limit).list();
    }

    public Uni<Integer> markSent(UUID id, Instant at) {
        return update("sentAt = ?1 where id = ?2 and sentAt is null", at, id);
    }

    public Uni<Long> countUnsent() {
        return count("sentAt is null");
    }
}
