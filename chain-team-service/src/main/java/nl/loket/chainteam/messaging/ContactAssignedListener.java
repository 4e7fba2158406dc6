package nl.loket.chainteam.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import nl.loket.chainteam.service.WorkItemService;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.contracts.messaging.TransientFailures;

/**
 * Consumes every team topic ({@code team.<teamId>.contacts}, pattern subscription). A record that is not a valid
 * ContactAssigned goes to {@code team.contacts.dlq} with the reason; a valid one is applied idempotently by its
 * ce_id.
 */
@ApplicationScoped
public class ContactAssignedListener {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final WorkItemService service;

    public ContactAssignedListener(WorkItemService service) {
        this.service = service;
    }

    @Incoming("team-contacts")
    public Uni<Void> consume(Message<String> message) {
        ContactAssigned assigned;
        String eventId;
        try {
            IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElseThrow(() -> new InvalidRecordException("not a Kafka record"));
            eventId = header(meta, CloudEventHeaders.ID);
            String type = header(meta, CloudEventHeaders.TYPE);
            if (eventId == null || eventId.isBlank()) {
                throw new InvalidRecordException("missing header " + CloudEventHeaders.ID);
            }
            if (!ContactAssigned.TYPE.equals(type)) {
                throw new InvalidRecordException("unexpected " + CloudEventHeaders.TYPE + " " + type);
            }
            String json = message.getPayload();
            if (json == null) {
                throw new InvalidRecordException("empty value");
            }
            List<String> violations = EventSchemaValidator.instance().validate(ContactAssigned.TYPE, json);
            if (!violations.isEmpty()) {
                throw new InvalidRecordException("schema violations: " + String.join("; ", violations));
            }
            assigned = MAPPER.readValue(json, ContactAssigned.class);
            String expectedTopic = Topics.teamContacts(assigned.teamId());
            if (!expectedTopic.equals(meta.getTopic())) {
                throw new InvalidRecordException("teamId " + assigned.teamId() + " does not belong on " + meta.getTopic());
            }
        } catch (InvalidRecordException e) {
            Log.warnf("Dead-lettering a team record: %s", e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        } catch (Exception e) {
            InvalidRecordException reason = new InvalidRecordException("unreadable: " + e.getMessage());
            Log.warnf("Dead-lettering a team record: %s", reason.getMessage());
            return Uni.createFrom().completionStage(message.nack(reason));
        }
        String id = eventId;
        return service.applyAssignment(id, assigned)
                // the database or broker away is waited out (nothing is committed meanwhile); a record that
                // keeps failing otherwise is tried a few times, then goes to the DLQ
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onItemOrFailure().transformToUni((result, failure) -> {
                    if (failure != null) {
                        Log.errorf(failure, "Could not apply assignment %s of contact %s", id, assigned.contactId());
                        return Uni.createFrom().completionStage(message.nack(
                                new IllegalStateException("could not be applied: " + failure.getMessage(), failure)));
                    }
                    Log.debugf("Assignment %s of contact %s to %s: %s", id, assigned.contactId(), assigned.teamId(),
                            result);
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private static String header(IncomingKafkaRecordMetadata<?, ?> meta, String name) {
        Header h = meta.getHeaders().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A record that breaks the contract; its message is the dead-letter reason. */
    static class InvalidRecordException extends RuntimeException {
        InvalidRecordException(String message) {
            super(message);
        }
    }
}
