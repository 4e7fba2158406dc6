package nl.loket.routing.bench;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import nl.loket.routing.domain.StoredDecision;
import nl.loket.routing.messaging.ContactListeners;
import nl.loket.routing.messaging.RoutedContactPublisher;
import nl.loket.routing.service.RoutingService;

/**
 * The benchmark's weighing of Kafka transactions (issue #17): consume a batch, produce its records and commit the
 * batch's offsets in one Kafka transaction (SmallRye's {@link KafkaTransactions}, consume-transform-produce), no
 * database. With {@link #decide} the records are routing's own two events per contact, decided by the real
 * {@link RoutingService} (read and schema check, decision, both event documents) but not stored; without it, the
 * records are forwarded as they came, twice (the transactional twin of the 2-out {@link NullForwarder}).
 * <p>
 * SmallRye 4.33 keeps one transactional producer per channel and allows one transaction at a time, so this runs one
 * consumer over all input partitions (concurrency 1); its pooled producer for concurrent transactions came later.
 */
@ApplicationScoped
public class TransactionalRouter {

    static volatile boolean decide = true;

    private final KafkaTransactions<String> out;
    private final RoutingService routing;

    public TransactionalRouter(@Channel("bench-tx-out") KafkaTransactions<String> out, RoutingService routing) {
        this.out = out;
        this.routing = routing;
    }

    @Incoming("bench-tx-in")
    public Uni<Void> onBatch(Message<List<String>> batch) {
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, String> records = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow().getRecords();
        return out.withTransactionAndAck(batch, emitter -> {
            if (decide) {
                List<RoutingService.Received> contacts = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> r : records) {
                    contacts.add(ContactListeners.received(r));
                }
                for (StoredDecision d : routing.decideWithoutStoring(contacts)) {
                    for (Message<String> m : RoutedContactPublisher.messages(d)) {
                        emitter.send(m);
                    }
                }
            } else {
                for (ConsumerRecord<String, String> r : records) {
                    emitter.send(forwarded(r, "bench.tx.out"));
                    emitter.send(forwarded(r, "bench.tx.out2"));
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static Message<String> forwarded(ConsumerRecord<String, String> r, String topic) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka = OutgoingKafkaRecordMetadata
                .<String>builder().withKey(r.key()).withTopic(topic).withHeaders(r.headers());
        return Message.of(r.value()).addMetadata(kafka.build());
    }
}
