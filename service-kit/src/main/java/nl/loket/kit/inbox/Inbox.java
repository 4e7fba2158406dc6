package nl.loket.kit.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Event ids already processed (debezium's {@code MessageLog} idiom), in the service's {@code processed_event}
 * table ({@code event_id} primary key, {@code processed_at}). A consumer marks the id in the same transaction as
 * the state change it makes; a redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    static final String MARK = "insert into processed_event (event_id, processed_at) values (?1, ?2) "
            + "on conflict (event_id) do nothing";
    static final String PURGE = "delete from processed_event where event_id in "
            + "(select event_id from processed_event where processed_at < ?1 limit ?2)";

    /**
     * Records {@code eventId} in the caller's transaction.
     *
     * @return true the first time, false when the event was processed before (a redelivery: skip it)
     */
    public Uni<Boolean> markProcessed(String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK)
                .setParameter(1, eventId)
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Deletes up to {@code limit} ids processed before {@code before}, in a transaction of its own. */
    public Uni<Integer> purgeBefore(Instant before, int limit) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(PURGE)
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate()));
    }
}
