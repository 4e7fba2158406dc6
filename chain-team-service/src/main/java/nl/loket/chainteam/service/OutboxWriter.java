package nl.loket.chainteam.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.OutboxEvent;
import nl.loket.chainteam.repository.OutboxRepository;
import nl.loket.contracts.EventCatalog;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.schema.EventSchemaValidator;

/**
 * Writes an event to the outbox inside the caller's transaction. The row id is the event id (ce_id); the relay
 * publishes it after the commit. An event that breaks its schema is a bug here and fails the transaction.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final OutboxRepository outbox;

    public OutboxWriter(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public Uni<OutboxEvent> add(String contactId, Record event, Instant occurredAt) {
        String type = EventCatalog.typeOf(event.getClass());
        String json;
        try {
            json = MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot serialise " + type, e));
        }
        List<String> violations = EventSchemaValidator.instance().validate(type, json);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(type + " breaks its schema: " + violations));
        }
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateId = contactId;
        row.eventType = type;
        row.payload = json;
        row.occurredAt = occurredAt;
        return outbox.persist(row);
    }
}
