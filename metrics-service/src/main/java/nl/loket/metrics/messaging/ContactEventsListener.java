package nl.loket.metrics.messaging;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.messaging.TransientFailures;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.service.FactService;

/**
 * Folds contacts.received, contacts.routed and contacts.lifecycle into the facts (consumer group metrics-service).
 * A record that breaks the contract is nacked with the reason and goes to the topic's dead-letter topic; the
 * consumer goes on. A failure of the database is retried a few times before the record is given up the same way.
 */
@ApplicationScoped
public class ContactEventsListener {

    static final Set<String> RECEIVED = Set.of(ContactReceived.TYPE);
    static final Set<String> ROUTED = Set.of(ContactRouted.TYPE);
    static final Set<String> LIFECYCLE = Set.of(ContactHandled.TYPE, ContactTransferRequested.TYPE,
            CallbackRequested.TYPE, CallbackCompleted.TYPE, DeadlineApproaching.TYPE, DeadlineBreached.TYPE);

    private final FactService facts;
    private final MeterRegistry registry;

    public ContactEventsListener(FactService facts, MeterRegistry registry) {
        this.facts = facts;
        this.registry = registry;
    }

    @Incoming("contacts-received")
    public Uni<Void> onReceived(Message<String> message) {
        return consume(Topics.CONTACTS_RECEIVED, message, RECEIVED);
    }

    @Incoming("contacts-routed")
    public Uni<Void> onRouted(Message<String> message) {
        return consume(Topics.CONTACTS_ROUTED, message, ROUTED);
    }

    @Incoming("contacts-lifecycle")
    public Uni<Void> onLifecycle(Message<String> message) {
        return consume(Topics.CONTACTS_LIFECYCLE, message, LIFECYCLE);
    }

    private Uni<Void> consume(String topic, Message<String> message, Set<String> expected) {
        ContactEvent event;
        try {
            var metadata = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
            event = EventReader.read(topic, metadata == null ? null : metadata.getHeaders(), message.getPayload(), expected);
        } catch (InvalidEventException e) {
            Log.warnf("Dead-lettering a record of %s: %s", topic, e.getMessage());
            registry.counter("loket_metrics_events_dead_lettered_total", "topic", topic).increment();
            return Uni.createFrom().completionStage(message.nack(e));
        }
        // the database or broker away is waited out (nothing is committed meanwhile); only a record that keeps
        // failing on its own goes to the dead-letter topic
        return facts.apply(event)
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .chain(applied -> {
                    registry.counter("loket_metrics_events_total", "type", event.type(),
                            "outcome", applied ? "applied" : "duplicate").increment();
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(failure -> {
                    Log.errorf(failure, "Could not apply event %s (%s) of %s", event.id(), event.type(), topic);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }
}
