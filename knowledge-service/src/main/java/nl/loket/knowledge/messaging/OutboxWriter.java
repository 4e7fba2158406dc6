package nl.loket.knowledge.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.repository.OutboxRepository;

/** Writes outbox rows; must be called inside the transaction of the change. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository outbox;

    public OutboxWriter(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> write(KnowledgeEvents.Outgoing out) {
        return outbox.persist(OutboxRepository.row(out.topic(), out.key(), out.type(), out.json())).replaceWithVoid();
    }

    public Uni<Void> writeAll(List<KnowledgeEvents.Outgoing> all) {
        return outbox.persist(all.stream()
                .map(out -> OutboxRepository.row(out.topic(), out.key(), out.type(), out.json())));
    }
}
