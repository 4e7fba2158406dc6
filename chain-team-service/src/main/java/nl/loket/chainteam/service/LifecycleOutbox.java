package nl.loket.chainteam.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import nl.loket.contracts.Topics;
import nl.loket.kit.outbox.OutboxEvent;
import nl.loket.kit.outbox.OutboxWriter;

/**
 * This service's events on {@code contacts.lifecycle} (key = contact id), written to the service kit's outbox in
 * the caller's transaction; the kit's relay publishes them after the commit. An event that breaks its schema is a
 * bug here and fails the transaction.
 */
@ApplicationScoped
public class LifecycleOutbox {

    private final OutboxWriter outbox;

    public LifecycleOutbox(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** @return the event id (its ce_id) */
    public Uni<String> add(String contactId, Record event, Instant occurredAt) {
        return Uni.createFrom().item(() -> OutboxEvent.of(Topics.CONTACTS_LIFECYCLE, contactId, event))
                .chain(e -> outbox.add(e, occurredAt));
    }
}
