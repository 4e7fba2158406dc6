package nl.loket.routing.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.contracts.messaging.TransientFailures;
import nl.loket.routing.service.RoutingService;

/**
 * Consumes ContactReceived (batches from {@code contacts.received}) and ContactTransferRequested (from
 * {@code contacts.lifecycle}; other event types there are not for us and are skipped). A record that is not JSON or
 * breaks its schema goes to the topic's dead-letter topic with the reason, and the consumer goes on.
 */
@ApplicationScoped
public class ContactListeners {

    private final RoutingService routing;
    private final RoutedContactPublisher publisher;
    private final ObjectMapper mapper = EventJson.mapper();

    public ContactListeners(RoutingService routing, RoutedContactPublisher publisher) {
        this.routing = routing;
        this.publisher = publisher;
    }

    @Incoming("contacts-received")
    public Uni<Void> onContactsReceived(ConsumerRecords<String, String> records) {
        List<RoutingService.Received> contacts = new ArrayList<>(records.count());
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            String problem;
            JsonNode node = null;
            try {
                node = r.value() == null || r.value().isBlank() ? null : mapper.readTree(r.value());
                problem = node == null ? "empty record" : schemaProblem(ContactReceived.TYPE, node);
            } catch (Exception e) {
                problem = "not JSON: " + e.getMessage();
            }
            if (problem == null) {
                try {
                    contacts.add(new RoutingService.Received(mapper.treeToValue(node, ContactReceived.class), r.value()));
                } catch (Exception e) {
                    problem = "unreadable " + ContactReceived.TYPE + ": " + e.getMessage();
                }
            }
            if (problem != null) {
                Log.warnf("contacts.received %d@%d to the dead-letter topic: %s", r.partition(), r.offset(), problem);
                deadLetters.add(publisher.deadLetter(r, problem));
            }
        }
        Uni<Void> dead = deadLetters.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(deadLetters).andFailFast().replaceWithVoid();
        return dead.chain(() -> routing.routeReceived(contacts)
                .chain(publisher::publish)
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5));
    }

    @Incoming("contacts-lifecycle")
    public Uni<Void> onLifecycle(ConsumerRecord<String, String> r) {
        String type = header(r, CloudEventHeaders.TYPE);
        if (type != null && !type.equals(ContactTransferRequested.TYPE)) {
            return Uni.createFrom().voidItem(); // handled, closed, callbacks ...: not routing's business
        }
        String problem = type == null ? "no ce_type header" : problemOf(r, ContactTransferRequested.TYPE);
        ContactTransferRequested transfer = null;
        if (problem == null) {
            try {
                transfer = mapper.readValue(r.value(), ContactTransferRequested.class);
            } catch (Exception e) {
                problem = "unreadable " + type + ": " + e.getMessage();
            }
        }
        if (problem != null) {
            Log.warnf("contacts.lifecycle %d@%d to the dead-letter topic: %s", r.partition(), r.offset(), problem);
            return publisher.deadLetter(r, problem);
        }
        return routing.routeTransfer(transfer)
                .chain(publisher::publish)
                .onFailure(RoutingService.UnknownContactException.class)
                .recoverWithUni(e -> publisher.deadLetter(r, e.getMessage()))
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }

    private static String problemOf(ConsumerRecord<String, String> r, String type) {
        if (r.value() == null || r.value().isBlank()) {
            return "empty record";
        }
        List<String> violations = EventSchemaValidator.instance().validate(type, r.value());
        if (violations.isEmpty()) {
            return null;
        }
        if (violations.size() == 1 && violations.get(0).startsWith("not JSON")) {
            return violations.get(0);
        }
        return "schema-invalid " + type + ": " + String.join("; ", violations);
    }

    private static String schemaProblem(String type, JsonNode node) {
        List<String> violations = EventSchemaValidator.instance().validate(type, node);
        return violations.isEmpty() ? null : "schema-invalid " + type + ": " + String.join("; ", violations);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
