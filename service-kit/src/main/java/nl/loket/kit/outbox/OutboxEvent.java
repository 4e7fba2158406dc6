package nl.loket.kit.outbox;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import nl.loket.contracts.EventCatalog;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.schema.EventSchemaValidator;

/**
 * An event to publish through the outbox: topic, record key (also the CloudEvents subject), ce_type and the JSON
 * data ({@code payload} null = tombstone on a compacted topic).
 */
public record OutboxEvent(String topic, String key, String type, String payload) {

    /**
     * The event of a contract record, serialised and checked against its JSON Schema: an event that breaks its
     * schema is a bug of the producer and fails the transaction that writes it.
     */
    public static OutboxEvent of(String topic, String key, Record event) {
        String type = EventCatalog.typeOf(event.getClass());
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + type, e);
        }
        List<String> violations = EventSchemaValidator.instance().validate(type, json);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(type + " breaks its schema: " + violations);
        }
        return new OutboxEvent(topic, key, type, json);
    }

    /** A tombstone for {@code key}; it keeps the ce_type of its topic's events. */
    public static OutboxEvent tombstone(String topic, String key, String type) {
        return new OutboxEvent(topic, key, type, null);
    }
}
