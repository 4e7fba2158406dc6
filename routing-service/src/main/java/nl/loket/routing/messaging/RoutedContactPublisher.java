package nl.loket.routing.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.routing.domain.StoredDecision;

/**
 * Publishes a stored decision: ContactRouted on {@code contacts.routed} and ContactAssigned on the team's own topic
 * {@code team.<teamId>.contacts} (routing-service is their only writer), CloudEvents binary mode, key contact id,
 * event ids as stored.
 */
@ApplicationScoped
public class RoutedContactPublisher {

    static final URI SOURCE = URI.create(CloudEventHeaders.sourceOf("routing-service"));
    /** Bounded: 6 consumers x 1000 records per batch x 2 messages, with room to spare. */
    private static final int BUFFER = 16384;

    /**
     * One producer for both events (the topic is set per message): the records of a batch share produce requests
     * to the broker instead of being split over two producers' smaller batches.
     */
    private final MutinyEmitter<String> routedEvents;

    public RoutedContactPublisher(
            @Channel("routed-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER) MutinyEmitter<String> routedEvents) {
        this.routedEvents = routedEvents;
    }

    /** Publishes both events of every decision; completes when the broker acknowledged all of them. */
    public Uni<Void> publish(List<StoredDecision> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>(decisions.size() * 2);
        for (StoredDecision d : decisions) {
            messages(d).forEach(m -> sends.add(routedEvents.sendMessage(m)));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    /** The two records of a decision: ContactRouted on {@code contacts.routed}, ContactAssigned on the team's topic. */
    public static List<Message<String>> messages(StoredDecision d) {
        return List.of(
                message(d, d.routedJson(), d.routedEventId(), ContactRouted.TYPE, Topics.CONTACTS_ROUTED),
                message(d, d.assignedJson(), d.assignedEventId(), ContactAssigned.TYPE, Topics.teamContacts(d.teamId())));
    }

    public Uni<Void> publish(StoredDecision decision) {
        return publish(List.of(decision));
    }


    private static Message<String> message(StoredDecision d, String json, String id, String type, String topic) {
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(id).withType(type).withSource(SOURCE).withSubject(d.contactId())
                .withTimestamp(d.routedAt().atZone(ZoneOffset.UTC)).withDataContentType("application/json").build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(d.contactId()).withTopic(topic).build();
        return Message.of(json).addMetadata(ce).addMetadata(kafka);
    }
}
