package nl.loket.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one header set of every dead-letter record of Loket, whichever consumer wrote it. The record keeps its key,
 * value and original headers (ce_id, ce_type, …), so a replay to the original topic is the same event again.
 * The names of the first four are SmallRye's, so tools that know those read ours too.
 */
public final class DeadLetterHeaders {

    /** Why the record was set aside, in words an operator understands. */
    public static final String REASON = "dead-letter-reason";
    /** Where it was consumed from. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** The failure's class (the outermost one that is not a wrapper), e.g. an InvalidRecordException. */
    public static final String EXCEPTION = "dead-letter-exception-class-name";
    /** The service that gave up on it, e.g. routing-service. */
    public static final String SERVICE = "dead-letter-service";
    /** When, ISO-8601 UTC. */
    public static final String TIME = "dead-letter-time";

    private static final String PREFIX = "dead-letter-";

    private DeadLetterHeaders() {
    }

    /** The original headers (minus any earlier dead-letter set) plus this dead-letter set. */
    public static Headers of(ConsumedRecord record, String reason, Throwable failure, String service, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        if (record.headers() != null) {
            for (Header h : record.headers()) {
                if (!h.key().startsWith(PREFIX)) {
                    headers.add(h);
                }
            }
        }
        add(headers, REASON, reason);
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, Integer.toString(record.partition()));
        add(headers, OFFSET, Long.toString(record.offset()));
        add(headers, EXCEPTION, failure == null ? InvalidRecordException.class.getName() : failure.getClass().getName());
        add(headers, SERVICE, service);
        add(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(at));
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
