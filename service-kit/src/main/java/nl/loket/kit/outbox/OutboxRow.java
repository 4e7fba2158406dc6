package nl.loket.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import nl.loket.contracts.CloudEventHeaders;
import nl.loket.kit.db.Columns;

/** An unsent outbox row as the relay reads it. */
public record OutboxRow(long seq, String eventId, String topic, String key, String type, String payload,
        Instant occurredAt) {

    static final String COLUMNS = "seq, event_id, topic, message_key, event_type, payload, occurred_at";

    static OutboxRow of(Object[] columns) {
        return new OutboxRow(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                (String) columns[3], (String) columns[4], (String) columns[5], Columns.instant(columns[6]));
    }

    /**
     * The CloudEvents 1.0 attributes in Kafka binary mode (the one place the outbox writes them): ce_id = event id,
     * ce_subject = record key, ce_time = when the change happened.
     */
    public Headers headers(String source) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, eventId);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        add(headers, CloudEventHeaders.SUBJECT, key);
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
