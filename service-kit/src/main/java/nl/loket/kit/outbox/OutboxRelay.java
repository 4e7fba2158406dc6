package nl.loket.kit.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.kit.config.KitConfig;

/**
 * Publishes the outbox (debezium's outbox idiom without Debezium). One round, in one transaction:
 * <ol>
 * <li>take the database's advisory lock of the outbox ({@code pg_try_advisory_xact_lock}); if another replica
 * holds it, that replica is relaying and this one skips the round — so one relay is active across replicas and
 * rows leave in {@code seq} order;</li>
 * <li>read up to {@code loket.kit.outbox.batch-size} unsent rows in {@code seq} order;</li>
 * <li>send them in that order (topic, key and CloudEvents headers from the row) on the {@code outbox} channel and
 * wait for the broker's acknowledgement of all ({@code acks=all});</li>
 * <li>mark exactly those rows sent and commit (which releases the lock).</li>
 * </ol>
 * A failure or crash before the commit leaves the rows unsent: the next round sends them again with the same ce_id
 * (at least once; consumers de-duplicate by ce_id, compacted topics keep the last value of a key, and because a
 * round resends its rows in order the last record of a key is still its newest state). Sent rows are deleted after
 * {@code loket.kit.outbox.retention}.
 */
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    /** The advisory lock key of the outbox ("LoketOut"); one per database, so one relay per service. */
    static final long LOCK_KEY = 0x4c6f6b65744f7574L;
    /** Room for one round; the relay waits for the acknowledgements before it starts the next. */
    static final int BUFFER = 4096;

    private final MutinyEmitter<Record<String, String>> emitter;
    private final KitConfig.Outbox config;
    private final String source;
    private final AtomicBoolean paused = new AtomicBoolean(false);
    /** Set once a round found nothing left to send: everything written before it is on Kafka. */
    private volatile boolean caughtUp;

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
            MutinyEmitter<Record<String, String>> emitter,
            KitConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.emitter = emitter;
        this.config = config.outbox();
        this.source = CloudEventHeaders.sourceOf(applicationName);
    }

    @Scheduled(every = "${loket.kit.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRelay() {
        if (paused.get()) {
            return Uni.createFrom().voidItem();
        }
        // a full round means more is waiting (a seed, a burst): go on until a round is not full
        return Uni.createFrom().deferred(this::relayOnce)
                .repeat().whilst(sent -> sent >= config.batchSize() && !paused.get())
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Outbox relay round failed, the next one retries: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purgeSent()
                .invoke(n -> Log.debugf("Outbox: deleted %d sent row(s)", n))
                .onFailure().invoke(e -> Log.warnf("Outbox purge failed, the next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One round; returns how many rows it published (0 also when another replica holds the lock). */
    public Uni<Integer> relayOnce() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY)
                .getSingleResult()
                .chain(locked -> Boolean.TRUE.equals(locked) ? relayLocked(session, context)
                        : otherReplicaRelays(session))));
    }

    /** Deletes sent rows older than the retention; returns how many. */
    public Uni<Integer> purgeSent() {
        Instant before = Instant.now().minus(config.retention());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from outbox_event where sent_at < ?1")
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .executeUpdate()));
    }

    public Uni<Long> countUnsent() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from outbox_event where sent_at is null")
                .getSingleResult()
                .map(n -> ((Number) n).longValue())));
    }

    /**
     * Whether the outbox has been empty at least once since start: whatever was written before is on Kafka, so a
     * consumer that starts now finds it there. Stays true afterwards.
     */
    public boolean hasCaughtUp() {
        return caughtUp;
    }

    /** Stops publishing (rows keep accumulating); for operations and tests. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
    }

    @SuppressWarnings("unchecked")
    private Uni<Integer> relayLocked(Mutiny.Session session, Context context) {
        return session.createNativeQuery("select " + OutboxRow.COLUMNS
                + " from outbox_event where sent_at is null order by seq limit ?1")
                .setParameter(1, config.batchSize())
                .getResultList()
                .chain(result -> {
                    List<OutboxRow> rows = ((List<Object[]>) (List<?>) result).stream().map(OutboxRow::of).toList();
                    if (rows.isEmpty()) {
                        caughtUp = true;
                        return Uni.createFrom().item(0);
                    }
                    return publish(rows, context)
                            .chain(() -> session.createNativeQuery(
                                    "update outbox_event set sent_at = ?1 where seq in (?2)")
                                    .setParameter(1, Instant.now().atOffset(ZoneOffset.UTC))
                                    .setParameter(2, rows.stream().map(OutboxRow::seq).toList())
                                    .executeUpdate())
                            .invoke(n -> Log.debugf("Outbox relay published %d record(s)", n))
                            .replaceWith(rows.size());
                });
    }

    /** Another replica relays; this one only learns whether the outbox is empty (for {@link #hasCaughtUp()}). */
    private Uni<Integer> otherReplicaRelays(Mutiny.Session session) {
        return session.createNativeQuery("select exists (select 1 from outbox_event where sent_at is null)")
                .getSingleResult()
                .invoke(pending -> {
                    if (Boolean.FALSE.equals(pending)) {
                        caughtUp = true;
                    }
                })
                .replaceWith(0);
    }

    /** Sends the rows in order and completes when the broker acknowledged every one. */
    private Uni<Void> publish(List<OutboxRow> rows, Context context) {
        List<Uni<Void>> sends = rows.stream().map(this::send).toList();
        Uni<Void> all = Uni.join().all(sends).andFailFast().replaceWithVoid()
                .ifNoItem().after(config.publishTimeout()).fail();
        // acknowledgements arrive on a Kafka thread: go on on the Vert.x context of the session
        return context == null ? all : all.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Uni<Void> send(OutboxRow row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(row.headers(source))
                .build();
        return emitter.sendMessage(Message.of(Record.of(row.key(), row.payload())).addMetadata(metadata));
    }
}
