package nl.loket.chainteam.messaging;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.OutboxEvent;
import nl.loket.chainteam.repository.OutboxRepository;
import nl.loket.contracts.CloudEventHeaders;

/**
 * Publishes outbox rows to contacts.lifecycle in the order they were written, waits for the broker's
 * acknowledgement of each and only then marks the row sent. A crash before the mark re-publishes the row with the
 * same ce_id (consumers skip it); a crash before the publish loses nothing.
 */
@ApplicationScoped
public class OutboxRelay {

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository outbox;
    private final ChainTeamConfig config;
    private final URI source;
    private final AtomicBoolean paused = new AtomicBoolean(false);

    public OutboxRelay(@Channel("lifecycle") MutinyEmitter<String> emitter, OutboxRepository outbox,
            ChainTeamConfig config, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.config = config;
        this.source = URI.create(CloudEventHeaders.sourceOf(applicationName));
    }

    /** Stops publishing (rows keep accumulating); for operations and the outbox tests. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
    }

    @Scheduled(every = "${loket.chain-team.outbox.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        if (paused.get()) {
            return Uni.createFrom().voidItem();
        }
        return publishPending()
                .onFailure().invoke(e -> Log.warnf("Outbox relay stopped at a failed publish, retried next run: %s",
                        e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes every unsent row (one batch), stopping at the first failure to keep the order. */
    @WithSession
    public Uni<Integer> publishPending() {
        Context context = Vertx.currentContext();
        return outbox.unsent(config.outbox().batchSize()).chain(rows -> publishAll(rows, context));
    }

    private Uni<Integer> publishAll(List<OutboxEvent> rows, Context context) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> publish(row, context))
                .collect().asList().map(List::size);
    }

    private Uni<OutboxEvent> publish(OutboxEvent row, Context context) {
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.id.toString())
                        .withType(row.eventType)
                        .withSource(source)
                        .withSubject(row.aggregateId)
                        .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.aggregateId).build());
        return emitter.sendMessage(message)
                // the ack may arrive on a Kafka thread: continue on the Vert.x context of the session
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .chain(() -> Panache.withTransaction(() -> outbox.markSent(row.id, Instant.now())))
                .replaceWith(row);
    }
}
