package nl.loket.routing.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.routing.repository.ModelRepository;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.messaging.ConsumedRecord;
import nl.loket.kit.messaging.InvalidRecordException;
import nl.loket.kit.messaging.MessageSettler;
import nl.loket.routing.service.RoutingService;

/**
 * Consumes ContactReceived (batches from {@code contacts.received}), and ContactTransferRequested and ContactHandled
 * (from {@code contacts.lifecycle}: transfers are routed again, and both are recorded as outcomes the team model
 * learns from; other event types there are not for us and are skipped). The service kit settles:
 * a record that is not JSON or breaks its schema goes to the topic's dead-letter topic with the reason, per record
 * also inside a batch, and the consumer goes on.
 */
@ApplicationScoped
public class ContactListeners {

    private final RoutingService routing;
    private final RoutedContactPublisher publisher;
    private final MessageSettler settler;
    private final ModelRepository outcomes;
    private static final ObjectMapper MAPPER = EventJson.mapper();

    public ContactListeners(RoutingService routing, RoutedContactPublisher publisher, MessageSettler settler,
            ModelRepository outcomes) {
        this.outcomes = outcomes;
        this.routing = routing;
        this.publisher = publisher;
        this.settler = settler;
    }

    @Incoming("contacts-received")
    public Uni<Void> onContactsReceived(ConsumerRecords<String, String> records) {
        return settler.settleBatch(records, ContactListeners::received,
                contacts -> routing.routeReceived(contacts).chain(publisher::publish));
    }

    @Incoming("contacts-lifecycle")
    public Uni<Void> onLifecycle(ConsumerRecord<String, String> r) {
        String type = ConsumedRecord.of(r).header(CloudEventHeaders.TYPE);
        if (ContactHandled.TYPE.equals(type)) {
            // the team that settled a contact: its label for the next model version
            return settler.settle(r, () -> {
                ContactHandled handled = read(r, type, ContactHandled.class);
                return outcomes.recordSettled(handled.contactId(), handled.teamId(), handled.handledAt());
            });
        }
        if (type != null && !type.equals(ContactTransferRequested.TYPE)) {
            return Uni.createFrom().voidItem(); // closed, callbacks ...: not routing's business
        }
        return settler.settle(r, () -> {
            ContactTransferRequested transfer = read(r, type, ContactTransferRequested.class);
            return routing.routeTransfer(transfer)
                    .onFailure(RoutingService.UnknownContactException.class)
                    .transform(e -> new InvalidRecordException(e.getMessage(), e))
                    .chain(publisher::publish)
                    // evidence against the team it left, once the transfer is published
                    .call(() -> outcomes.recordTransfer(transfer.contactId(), transfer.fromTeamId()));
        });
    }

    /**
     * A ContactReceived record read and schema-checked; fails with {@link InvalidRecordException} (dead letter, with
     * the reason) when it is empty, not JSON or breaks the schema.
     */
    public static RoutingService.Received received(ConsumerRecord<String, String> r) {
        if (r.value() == null || r.value().isBlank()) {
            throw new InvalidRecordException("empty record");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(r.value());
        } catch (Exception e) {
            throw new InvalidRecordException("not JSON: " + e.getMessage());
        }
        List<String> violations = EventSchemaValidator.instance().validate(ContactReceived.TYPE, node);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException("schema-invalid " + ContactReceived.TYPE + ": " + String.join("; ", violations));
        }
        try {
            return new RoutingService.Received(MAPPER.treeToValue(node, ContactReceived.class), r.value());
        } catch (Exception e) {
            throw new InvalidRecordException("unreadable " + ContactReceived.TYPE + ": " + e.getMessage());
        }
    }

    private <T> T read(ConsumerRecord<String, String> r, String type, Class<T> eventType) {
        if (type == null) {
            throw new InvalidRecordException("no ce_type header");
        }
        if (r.value() == null || r.value().isBlank()) {
            throw new InvalidRecordException("empty record");
        }
        List<String> violations = EventSchemaValidator.instance().validate(type, r.value());
        if (violations.size() == 1 && violations.get(0).startsWith("not JSON")) {
            throw new InvalidRecordException(violations.get(0));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRecordException("schema-invalid " + type + ": " + String.join("; ", violations));
        }
        try {
            return MAPPER.readValue(r.value(), eventType);
        } catch (Exception e) {
            throw new InvalidRecordException("unreadable " + type + ": " + e.getMessage());
        }
    }
}
