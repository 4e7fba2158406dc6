package nl.loket.kit.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import nl.loket.contracts.Topics;

/**
 * Writes a record that cannot be processed to its dead-letter topic ({@link Topics#deadLetterOf}): key, value and
 * original headers unchanged, plus {@link DeadLetterHeaders}. Completes when the broker acknowledged it
 * ({@code acks=all} on the {@code dead-letters} channel), so a consumer commits past a record only once it is safe
 * on the dead-letter topic. Counts {@code loket_dead_letter_records_total} per dead-letter topic.
 */
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.consumer.enabled", stringValue = "true")
public class DeadLetterPublisher {

    /** Room for the dead letters of a few whole batches; more waits for acknowledgements. */
    private static final int BUFFER = 4096;

    private final MutinyEmitter<Record<String, String>> emitter;
    private final MeterRegistry registry;
    private final String service;

    public DeadLetterPublisher(
            @Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
            MutinyEmitter<Record<String, String>> emitter,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.registry = registry;
        this.service = service;
    }

    public Uni<Void> publish(ConsumedRecord record, String reason, Throwable failure) {
        String topic = Topics.deadLetterOf(record.topic());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(record.key())
                .withHeaders(DeadLetterHeaders.of(record, reason, failure, service, Instant.now()))
                .build();
        Message<Record<String, String>> message = Message.of(Record.of(record.key(), record.value()))
                .addMetadata(metadata);
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .invoke(() -> {
                    registry.counter("loket.dead-letter.records", "topic", topic).increment();
                    Log.warnf("%s set aside on %s: %s", record.position(), topic, reason);
                });
    }
}
