package nl.loket.metrics.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.kit.messaging.ConsumedRecord;
import nl.loket.kit.messaging.MessageSettler;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.service.FactService;

/**
 * Folds contacts.routed and contacts.lifecycle into the facts (consumer group metrics-service). Neither carries
 * personal data; contacts.received (text, citizen details, citizen reference) is not read: the hop-0 ContactRouted is
 * the contact's receipt.
 * The service kit settles: a record that breaks the contract goes to the topic's dead-letter topic with the reason
 * and the consumer goes on; the database away is waited out; another failure is retried a few times, then set aside
 * the same way.
 */
@ApplicationScoped
public class ContactEventsListener {

    static final Set<String> ROUTED = Set.of(ContactRouted.TYPE);
    static final Set<String> LIFECYCLE = Set.of(ContactHandled.TYPE, ContactTransferRequested.TYPE,
            CallbackRequested.TYPE, CallbackCompleted.TYPE, DeadlineApproaching.TYPE, DeadlineBreached.TYPE);

    private final FactService facts;
    private final MessageSettler settler;
    private final MeterRegistry registry;

    public ContactEventsListener(FactService facts, MessageSettler settler, MeterRegistry registry) {
        this.facts = facts;
        this.settler = settler;
        this.registry = registry;
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
        return settler.settle(message, () -> {
            ConsumedRecord record = ConsumedRecord.of(message);
            ContactEvent event = EventReader.read(topic, record.headers(), record.value(), expected);
            return facts.apply(event).invoke(applied -> registry.counter("loket_metrics_events_total",
                    "type", event.type(), "outcome", applied ? "applied" : "duplicate").increment());
        });
    }
}
