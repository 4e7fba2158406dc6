package nl.loket.intake.messaging;

import java.net.URI;
import java.time.ZoneOffset;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.intake.config.IntakeConfig;
import nl.loket.intake.service.BrokerUnavailableException;

/**
 * Publishes ContactReceived as a binary-mode CloudEvent, key = contact id. The returned Uni completes only when
 * the broker acknowledged (acks=all), and fails within the publish timeout when it does not.
 */
@ApplicationScoped
public class ContactReceivedPublisher {

    static final URI SOURCE = URI.create(CloudEventHeaders.sourceOf("intake-service"));

    private final MutinyEmitter<ContactReceived> emitter;
    private final IntakeConfig config;

    public ContactReceivedPublisher(@Channel("contacts-received") MutinyEmitter<ContactReceived> emitter, IntakeConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public Uni<Void> publish(String eventId, ContactReceived event) {
        Message<ContactReceived> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.contactId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId)
                        .withType(ContactReceived.TYPE)
                        .withSource(SOURCE)
                        .withSubject(event.contactId())
                        .withTimestamp(event.acceptedAt().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
        Uni<Void> sent;
        try {
            sent = emitter.sendMessage(message);
        } catch (RuntimeException e) {
            // the emitter refuses synchronously when its buffer is full or the channel is down
            sent = Uni.createFrom().failure(e);
        }
        return sent
                .ifNoItem().after(config.publishTimeout())
                .failWith(() -> new BrokerUnavailableException("Kafka did not acknowledge within " + config.publishTimeout(), null))
                .onFailure(e -> !(e instanceof BrokerUnavailableException))
                .transform(e -> new BrokerUnavailableException("Kafka did not acknowledge: " + e.getClass().getSimpleName(), e));
    }
}
