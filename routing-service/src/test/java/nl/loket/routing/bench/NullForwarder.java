package nl.loket.routing.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The benchmark's baseline: consume a batch, produce every record again (same CloudEvents binary mode, key and
 * emitter settings as the routing path), no logic, no database.
 */
@ApplicationScoped
public class NullForwarder {

    private static final URI SOURCE = URI.create("urn:loket:routing-bench");
    private final MutinyEmitter<String> out;
    /** 1: one record out per record in; 2: also a second record on another topic (routing writes two). */
    static volatile int fanOut = 1;

    public NullForwarder(@Channel("bench-null-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<String> out) {
        this.out = out;
    }

    @Incoming("bench-null-in")
    public Uni<Void> forward(ConsumerRecords<String, String> records) {
        List<Uni<Void>> sends = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            Header type = r.headers().lastHeader("ce_type");
            OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                    .withId(UUID.randomUUID().toString())
                    .withType(type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8))
                    .withSource(SOURCE).withSubject(r.key()).withTimestamp(ZonedDateTime.now())
                    .withDataContentType("application/json").build();
            sends.add(out.sendMessage(Message.of(r.value()).addMetadata(ce)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).build())));
            if (fanOut == 2) {
                OutgoingCloudEventMetadata<Object> ce2 = OutgoingCloudEventMetadata.from(ce)
                        .withId(UUID.randomUUID().toString()).build();
                sends.add(out.sendMessage(Message.of(r.value()).addMetadata(ce2)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key())
                                .withTopic("bench.null.out2").build())));
            }
        }
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
