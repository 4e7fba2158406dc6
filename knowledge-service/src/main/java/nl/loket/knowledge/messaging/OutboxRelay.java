package nl.loket.knowledge.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.knowledge.config.KnowledgeConfig;
import nl.loket.knowledge.domain.OutboxEvent;
import nl.loket.knowledge.repository.OutboxRepository;

/**
 * Publishes the outbox (debezium outbox idiom without Debezium): reads unsent rows in id order, sends each to its
 * topic with its key and CloudEvents binary-mode headers, waits for the broker's acknowledgements and marks the
 * rows sent. A failure leaves the rows unsent; the next round sends them again (at least once; the topics are
 * compacted and keyed, so a repeat is harmless).
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRepository outbox;
    private final MutinyEmitter<Record<String, String>> emitter;
    private final KnowledgeConfig config;
    private final String source;
    /** Set once a relay round found nothing left to send: everything written before it is on Kafka. */
    private volatile boolean caughtUp;

    public OutboxRelay(OutboxRepository outbox,
            @Channel("knowledge-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<Record<String, String>> emitter,
            KnowledgeConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config;
        this.source = CloudEventHeaders.sourceOf(applicationName);
    }

    @Scheduled(every = "${loket.knowledge.relay-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRelay() {
        // full batches mean more is waiting (a seed, a burst of edits): go on until a batch is not full
        return Uni.createFrom().deferred(this::relayOnce).repeat().whilst(sent -> sent >= config.relayBatchSize()).collect().last().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Outbox relay round failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Sent rows are kept for a while (inspection, replay by hand), then deleted. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeSent() {
        Instant before = Instant.now().minus(config.outboxRetention());
        return Panache.withTransaction(() -> outbox.delete("sentAt < ?1", before))
                .invoke(n -> Log.debugf("Outbox: deleted %d sent row(s) older than %s", n, before))
                .replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Outbox purge failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Publishes one batch; returns how many rows were sent. */
    public Uni<Integer> relayOnce() {
        return Panache.withSession(() -> outbox.unsent(config.relayBatchSize()))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        caughtUp = true;
                        return Uni.createFrom().item(0);
                    }
                    return publish(rows);
                });
    }

    /**
     * Whether the outbox has been empty at least once since start: the seed and whatever was written before is
     * on the knowledge topics, so a consumer that starts now finds it there. Stays true afterwards.
     */
    public boolean hasCaughtUp() {
        return caughtUp;
    }

    private Uni<Integer> publish(List<OutboxEvent> rows) {
        List<Uni<Void>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .ifNoItem().after(config.publishTimeout()).fail()
                .chain(ignored -> Panache.withTransaction(
                        () -> outbox.markSent(rows.stream().map(r -> r.id).toList(), Instant.now())))
                .invoke(n -> Log.debugf("Outbox relay published %d record(s)", n))
                .replaceWith(rows.size());
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, row.eventId);
        header(headers, CloudEventHeaders.TYPE, row.eventType);
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.createdAt));
        header(headers, CloudEventHeaders.SUBJECT, row.messageKey);
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(Record.of(row.messageKey, row.payload)).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
