package nl.loket.kit.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Writes events to the service's {@code outbox_event} table in the caller's transaction (transactional outbox):
 * they are published by the {@link OutboxRelay} after the commit, or not at all if the transaction rolls back.
 * Each row gets a new event id (its ce_id) and the next {@code seq}, the order of publication.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Rows per INSERT statement when writing many (a seed of a thousand events is a handful of round trips). */
    static final int ROWS_PER_STATEMENT = 100;
    private static final String INSERT = "insert into outbox_event "
            + "(event_id, topic, message_key, event_type, payload, occurred_at) values ";

    /** Adds one event; returns its event id. */
    public Uni<String> add(OutboxEvent event, Instant occurredAt) {
        String eventId = UUID.randomUUID().toString();
        return insert(List.of(event), List.of(eventId), occurredAt).replaceWith(eventId);
    }

    /** Adds events in their list order (one {@code seq} after the other). */
    public Uni<Void> addAll(List<OutboxEvent> events, Instant occurredAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<OutboxEvent>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> insert(chunk,
                        chunk.stream().map(e -> UUID.randomUUID().toString()).toList(), occurredAt))
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> insert(List<OutboxEvent> events, List<String> eventIds, Instant occurredAt) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int i = 0; i < events.size(); i++) {
            int p = i * 6;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6)
                    .append(')');
        }
        OffsetDateTime at = occurredAt.atOffset(ZoneOffset.UTC);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < events.size(); i++) {
                OutboxEvent e = events.get(i);
                int p = i * 6;
                query.setParameter(p + 1, eventIds.get(i));
                query.setParameter(p + 2, e.topic());
                query.setParameter(p + 3, e.key());
                query.setParameter(p + 4, e.type());
                query.setParameter(p + 5, e.payload());
                query.setParameter(p + 6, at);
            }
            return query.executeUpdate();
        });
    }
}
