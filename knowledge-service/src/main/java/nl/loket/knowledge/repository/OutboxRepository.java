package nl.loket.knowledge.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.OutboxEvent;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** A new unsent row. {@code payload} null = tombstone. */
    public static OutboxEvent row(String topic, String key, String eventType, String payload) {
        OutboxEvent e = new OutboxEvent();
        e.eventId = UUID.randomUUID().toString();
        e.topic = topic;
        e.messageKey = key;
        e.eventType = eventType;
        e.payload = payload;
        e.createdAt = Instant.now();
        return e;
    }

    public Uni<List<OutboxEvent>> unsent(int max) {
        return find("sentAt is null order by id").page(0, max).list();
    }

    public Uni<Integer> markSent(List<Long> ids, Instant at) {
        return update("sentAt = ?1 where id in ?2", at, ids);
    }
}
