package nl.loket.metrics.repository;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Event ids already applied (in the same transaction as the change they caused). */
@ApplicationScoped
public class ProcessedEventRepository {

    /** Records the event id; false when it was applied before (a redelivery). */
    public Uni<Boolean> markProcessed(String eventId, String eventType, String contactId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (event_id, event_type, contact_id) values (?1, ?2, ?3) "
                        + "on conflict (event_id) do nothing")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .setParameter(3, contactId)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** Deletes up to {@code limit} event ids applied before {@code before}, in one transaction; returns how many. */
    public Uni<Integer> deleteAppliedBefore(Instant before, int limit) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from processed_event where event_id in (select event_id from processed_event "
                        + "where processed_at < ?1 limit ?2)")
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate()));
    }
}
