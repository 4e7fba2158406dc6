package nl.loket.metrics.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventCatalog;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.metrics.domain.ContactEvent;

/**
 * Turns a consumed record (CloudEvents binary mode: attributes in headers, data as JSON text) into a
 * {@link ContactEvent}, or says precisely why it cannot.
 */
public final class EventReader {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private EventReader() {
    }

    /**
     * @param topic    the topic it was read from
     * @param expected the ce_types this consumer accepts on that topic
     * @throws InvalidEventException with the dead-letter reason
     */
    public static ContactEvent read(String topic, Headers headers, String value, Set<String> expected) {
        String type = header(headers, CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new InvalidEventException("missing " + CloudEventHeaders.TYPE + " header");
        }
        if (EventCatalog.byType(type).isEmpty()) {
            throw new InvalidEventException("unknown ce_type " + type);
        }
        if (!expected.contains(type)) {
            throw new InvalidEventException("ce_type " + type + " is not consumed from " + topic);
        }
        String id = header(headers, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new InvalidEventException("missing " + CloudEventHeaders.ID + " header");
        }
        if (value == null) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        List<String> violations = EventSchemaValidator.instance().validate(type, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("schema violations of " + type + ": " + String.join("; ", violations));
        }
        Record data;
        try {
            data = MAPPER.treeToValue(json, EventCatalog.byType(type).get().data());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("cannot read " + type + ": " + e.getOriginalMessage());
        }
        return new ContactEvent(id, type, json.path("contactId").asText(), data);
    }

    private static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
