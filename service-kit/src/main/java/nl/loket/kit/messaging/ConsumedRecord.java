package nl.loket.kit.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A consumed record as the kit needs it, whatever the listener's signature ({@link Message}, {@link ConsumerRecord}
 * or a batch): where it came from, its key, headers and value (JSON text, null for a tombstone).
 */
public record ConsumedRecord(String topic, int partition, long offset, String key, Headers headers, String value) {

    public static ConsumedRecord of(ConsumerRecord<String, String> record) {
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(), record.key(), record.headers(),
                record.value());
    }

    /** From a message of a SmallRye Kafka channel; a message without Kafka metadata is refused. */
    public static ConsumedRecord of(Message<?> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka record"));
        Object payload = message.getPayload();
        return new ConsumedRecord(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                kafka.getKey() == null ? null : kafka.getKey().toString(),
                kafka.getHeaders() == null ? new RecordHeaders() : kafka.getHeaders(),
                payload == null ? null : payload.toString());
    }

    /** The last value of a header as UTF-8 text, or null. */
    public String header(String name) {
        if (headers == null) {
            return null;
        }
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** {@code topic-partition@offset}, for log lines. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
