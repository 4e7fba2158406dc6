package nl.loket.kit.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

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

    /**
     * Records every id of a batch in the caller's transaction, in one statement (a batch consumer's one round trip
     * instead of one per event).
     *
     * @return the ids recorded now; an id missing from it was processed before (or twice in {@code eventIds}: its
     *         first occurrence is the one to apply)
     */
    @SuppressWarnings("unchecked")
    public Uni<Set<String>> markProcessed(List<String> eventIds) {
        Set<String> distinct = new LinkedHashSet<>(eventIds);
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < distinct.size(); i++) {
            values.add("(?" + (i + 2) + ", ?1)");
        }
        String sql = "insert into processed_event (event_id, processed_at) values " + values
                + " on conflict (event_id) do nothing returning event_id";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter(1, OffsetDateTime.now(ZoneOffset.UTC));
            int position = 2;
            for (String id : distinct) {
                query.setParameter(position++, id);
            }
            return query.getResultList();
        }).map(inserted -> new HashSet<>((List<String>) (List<?>) inserted));
    }

    /** Deletes up to {@code limit} ids processed before {@code before}, in a transaction of its own. */
    public Uni<Integer> purgeBefore(Instant before, int limit) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(PURGE)
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate()));
    }
}
