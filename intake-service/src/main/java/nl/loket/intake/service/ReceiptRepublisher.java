package nl.loket.intake.service;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.config.IntakeConfig;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.ReceiptStatus;
import nl.loket.intake.messaging.ContactReceivedPublisher;
import nl.loket.intake.repository.ContactReceiptRepository;

/**
 * Re-publishes receipts left PENDING: the adapter got 503 (the broker may or may not have the record) or intake
 * stopped between the send and marking the receipt. One round, in one transaction: claim up to
 * {@code republish-batch-size} receipts PENDING for longer than {@code republish-after}
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas take disjoint batches), publish each with its original event id
 * ({@code ce_id}) and contact id, wait for the acknowledgements, mark the acknowledged ones PUBLISHED and commit.
 * A receipt whose publication fails stays PENDING for the next round. A record the broker already had is published a
 * second time with the same ce_id, which consumers' inboxes skip (at least once, never lost).
 */
@ApplicationScoped
public class ReceiptRepublisher {

    private final ContactReceiptRepository receipts;
    private final ContactReceivedPublisher publisher;
    private final ReceiptEvents events;
    private final IntakeConfig config;
    private final Counter republished;
    private final Counter failed;

    public ReceiptRepublisher(ContactReceiptRepository receipts, ContactReceivedPublisher publisher, ReceiptEvents events,
            IntakeConfig config, MeterRegistry registry) {
        this.receipts = receipts;
        this.publisher = publisher;
        this.events = events;
        this.config = config;
        this.republished = counter(registry, "published");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("loket.intake.republish.attempts")
                .description("Re-publications of PENDING receipts, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    @Scheduled(every = "${loket.intake.republish-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRound() {
        return republishOnce()
                .onFailure().invoke(e -> Log.warnf("Re-publishing pending receipts failed, the next round retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One round; returns how many receipts it published. */
    public Uni<Integer> republishOnce() {
        Context context = Vertx.currentContext();
        Instant cutoff = Instant.now().minus(config.republishAfter());
        return Panache.withTransaction(() -> receipts.claimPending(cutoff, config.republishBatchSize())
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0) : publishAll(claimed, context)));
    }

    private Uni<Integer> publishAll(List<ContactReceipt> claimed, Context context) {
        Uni<List<Boolean>> all = Uni.join().all(claimed.stream().map(this::publish).toList()).andFailFast();
        // acknowledgements arrive on a Kafka thread: go on on the Vert.x context of the transaction
        Uni<List<Boolean>> onContext = context == null ? all : all.emitOn(task -> context.runOnContext(ignored -> task.run()));
        return onContext.map(published -> {
            int count = 0;
            for (int i = 0; i < claimed.size(); i++) {
                if (published.get(i)) {
                    claimed.get(i).status = ReceiptStatus.PUBLISHED; // flushed at commit
                    count++;
                }
            }
            republished.increment(count);
            failed.increment(claimed.size() - count);
            Log.infof("Re-published %d of %d pending receipt(s)", count, claimed.size());
            return count;
        });
    }

    /** True once the broker acknowledged; false (logged, left PENDING) when it did not. */
    private Uni<Boolean> publish(ContactReceipt receipt) {
        return Uni.createFrom().deferred(() -> publisher.publish(receipt.eventId, events.fromJson(receipt.eventData)))
                .replaceWith(Boolean.TRUE)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Pending contact %s not re-published, left for the next round: %s", receipt.contactId, e.toString());
                    return Boolean.FALSE;
                });
    }
}
