package nl.loket.chainteam.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.service.AssignmentService;
import nl.loket.chainteam.service.AssignmentService.Assignment;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.messaging.ConsumedRecord;
import nl.loket.kit.messaging.InvalidRecordException;
import nl.loket.kit.messaging.MessageSettler;

/**
 * Consumes every team topic ({@code team.<teamId>.contacts}, pattern subscription) in batches: one poll's records
 * are applied together in one transaction (see {@link AssignmentService#applyAll}), because a transaction per
 * record made this consumer the bottleneck. A record that is not a valid ContactAssigned is dead-lettered to
 * {@code team.contacts.dlq} with the reason and its neighbours are applied; a valid one is applied idempotently by
 * its ce_id. The service kit settles the batch (waits out outages, retries, works a failing batch record by record
 * so only the bad record is dead-lettered).
 */
@ApplicationScoped
public class ContactAssignedListener {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final AssignmentService assignments;
    private final MessageSettler settler;

    public ContactAssignedListener(AssignmentService assignments, MessageSettler settler) {
        this.assignments = assignments;
        this.settler = settler;
    }

    @Incoming("team-contacts")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return settler.settleBatch(records, ContactAssignedListener::assignment, assignments::applyAll);
    }

    /** The record's event id and assignment, or {@link InvalidRecordException} with the dead-letter reason. */
    static Assignment assignment(ConsumerRecord<String, String> r) {
        ConsumedRecord record = ConsumedRecord.of(r);
        String eventId = record.header(CloudEventHeaders.ID);
        return new Assignment(eventId, parse(record, eventId));
    }

    /** The assignment, or {@link InvalidRecordException} with the dead-letter reason. */
    static ContactAssigned parse(ConsumedRecord record, String eventId) {
        String type = record.header(CloudEventHeaders.TYPE);
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidRecordException("missing header " + CloudEventHeaders.ID);
        }
        if (!ContactAssigned.TYPE.equals(type)) {
            throw new InvalidRecordException("unexpected " + CloudEventHeaders.TYPE + " " + type);
        }
        String json = record.value();
        if (json == null) {
            throw new InvalidRecordException("empty value");
        }
        try {
            List<String> violations = EventSchemaValidator.instance().validate(ContactAssigned.TYPE, json);
            if (!violations.isEmpty()) {
                throw new InvalidRecordException("schema violations: " + String.join("; ", violations));
            }
            ContactAssigned assigned = MAPPER.readValue(json, ContactAssigned.class);
            String expectedTopic = Topics.teamContacts(assigned.teamId());
            if (!expectedTopic.equals(record.topic())) {
                throw new InvalidRecordException(
                        "teamId " + assigned.teamId() + " does not belong on " + record.topic());
            }
            return assigned;
        } catch (InvalidRecordException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidRecordException("unreadable: " + e.getMessage(), e);
        }
    }
}
