package nl.loket.knowledge.messaging;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.contracts.messaging.TransientFailures;
import nl.loket.knowledge.service.CaseStatusService;

/**
 * Consumes {@code cases.status} (key = case reference). A record that is not a valid CaseStatusChanged is nacked
 * with the reason and lands on {@code cases.status.dlq}; a repeat of an applied event id is skipped.
 */
@ApplicationScoped
public class CaseStatusListener {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final CaseStatusService cases;

    public CaseStatusListener(CaseStatusService cases) {
        this.cases = cases;
    }

    @Incoming("cases-status")
    public Uni<Void> onCaseStatus(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        String eventId = header(kafka, CloudEventHeaders.ID);
        String type = header(kafka, CloudEventHeaders.TYPE);
        String key = kafka != null && kafka.getKey() != null ? kafka.getKey().toString() : null;
        Uni<Boolean> applied;
        try {
            if (eventId == null || eventId.isBlank()) {
                throw new IllegalArgumentException("missing ce_id header");
            }
            if (type != null && !CaseStatusChanged.TYPE.equals(type)) {
                throw new IllegalArgumentException("unexpected ce_type " + type + ", expected " + CaseStatusChanged.TYPE);
            }
            String value = message.getPayload();
            if (value == null) {
                if (key == null) {
                    throw new IllegalArgumentException("tombstone without a key");
                }
                applied = cases.remove(eventId, key);
            } else {
                CaseStatusChanged event = parse(value);
                if (key != null && !key.equals(event.caseReference())) {
                    throw new IllegalArgumentException("record key " + key + " differs from caseReference "
                            + event.caseReference());
                }
                applied = cases.apply(eventId, event);
            }
        } catch (IllegalArgumentException e) {
            Log.warnf("Rejected case status record %s: %s", key, e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        // the database away is waited out (nothing is committed meanwhile); anything else goes to the DLQ
        return applied
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .invoke(done -> Log.debugf("Case status %s %s", key, done ? "applied" : "skipped (repeat)"))
                .chain(done -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(message.nack(e)));
    }

    static CaseStatusChanged parse(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        List<String> violations = EventSchemaValidator.instance().validate(CaseStatusChanged.TYPE, node);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid " + CaseStatusChanged.TYPE + ": " + String.join("; ", violations));
        }
        try {
            return JSON.treeToValue(node, CaseStatusChanged.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read " + CaseStatusChanged.TYPE + ": " + e.getMessage());
        }
    }

    private static String header(IncomingKafkaRecordMetadata<?, ?> kafka, String name) {
        if (kafka == null) {
            return null;
        }
        Header h = kafka.getHeaders().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
