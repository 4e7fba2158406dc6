package nl.loket.knowledge.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.messaging.ConsumedRecord;
import nl.loket.kit.messaging.InvalidRecordException;
import nl.loket.kit.messaging.MessageSettler;
import nl.loket.knowledge.service.CaseStatusRejectedException;
import nl.loket.knowledge.service.CaseStatusService;

/**
 * Consumes {@code cases.status} (key = case reference). A record that is not a valid CaseStatusChanged, or one the
 * service refuses (dated in the future, unknown team), goes to {@code cases.status.dlq} with the reason; a repeat of
 * an applied event id is skipped (the service kit settles).
 */
@ApplicationScoped
public class CaseStatusListener {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final CaseStatusService cases;
    private final MessageSettler settler;

    public CaseStatusListener(CaseStatusService cases, MessageSettler settler) {
        this.cases = cases;
        this.settler = settler;
    }

    @Incoming("cases-status")
    public Uni<Void> onCaseStatus(Message<String> message) {
        return settler.settle(message, () -> apply(ConsumedRecord.of(message)));
    }

    private Uni<Boolean> apply(ConsumedRecord record) {
        String eventId = record.header(CloudEventHeaders.ID);
        String type = record.header(CloudEventHeaders.TYPE);
        String key = record.key();
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidRecordException("missing ce_id header");
        }
        if (type != null && !CaseStatusChanged.TYPE.equals(type)) {
            throw new InvalidRecordException("unexpected ce_type " + type + ", expected " + CaseStatusChanged.TYPE);
        }
        Uni<Boolean> applied;
        if (record.value() == null) {
            if (key == null) {
                throw new InvalidRecordException("tombstone without a key");
            }
            applied = cases.remove(eventId, key);
        } else {
            CaseStatusChanged event = parse(record.value());
            if (key != null && !key.equals(event.caseReference())) {
                throw new InvalidRecordException("record key " + key + " differs from caseReference "
                        + event.caseReference());
            }
            applied = cases.apply(eventId, event).onFailure(CaseStatusRejectedException.class)
                    .transform(e -> new InvalidRecordException(e.getMessage(), e));
        }
        return applied.invoke(done -> Log.debugf("Case status %s %s", key, done ? "applied" : "skipped (repeat)"));
    }

    static CaseStatusChanged parse(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (Exception e) {
            throw new InvalidRecordException("not JSON: " + e.getMessage());
        }
        List<String> violations = EventSchemaValidator.instance().validate(CaseStatusChanged.TYPE, node);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException("invalid " + CaseStatusChanged.TYPE + ": " + String.join("; ", violations));
        }
        try {
            return JSON.treeToValue(node, CaseStatusChanged.class);
        } catch (Exception e) {
            throw new InvalidRecordException("cannot read " + CaseStatusChanged.TYPE + ": " + e.getMessage());
        }
    }
}
