package nl.loket.metrics.messaging;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
import nl.loket.kit.messaging.MessageSettler;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.service.FactService;

/**
 * Folds contacts.routed and contacts.lifecycle into the facts (consumer group metrics-service), a poll's batch of
 * records at a time in one transaction (see {@link FactService#applyAll}): one transaction per record was the
 * bottleneck. Neither topic carries personal data; contacts.received (text, citizen details, citizen reference) is
 * not read: the hop-0 ContactRouted is the contact's receipt.
 * The service kit settles per record, also inside a batch: a record that breaks the contract goes to the topic's
 * dead-letter topic with the reason and its neighbours are applied; the database away is waited out; a batch that
 * keeps failing for another reason is applied record by record, so only the failing record is set aside.
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
    public Uni<Void> onRouted(ConsumerRecords<String, String> records) {
        return consume(Topics.CONTACTS_ROUTED, records, ROUTED);
    }

    @Incoming("contacts-lifecycle")
    public Uni<Void> onLifecycle(ConsumerRecords<String, String> records) {
        return consume(Topics.CONTACTS_LIFECYCLE, records, LIFECYCLE);
    }

    private Uni<Void> consume(String topic, ConsumerRecords<String, String> records, Set<String> expected) {
        return settler.settleBatch(records, r -> EventReader.read(topic, r.headers(), r.value(), expected),
                events -> facts.applyAll(events).invoke(applied -> count(events, applied)));
    }

    /** Counted once the batch's transaction has committed: a batch that is retried is not counted twice. */
    private void count(List<ContactEvent> events, List<Boolean> applied) {
        for (int i = 0; i < events.size(); i++) {
            registry.counter("loket_metrics_events_total", "type", events.get(i).type(),
                    "outcome", applied.get(i) ? "applied" : "duplicate").increment();
        }
    }
}
