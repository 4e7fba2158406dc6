package nl.loket.intake.service;

import java.time.Instant;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.config.IntakeConfig;

/**
 * Forgets published receipts (and so idempotency keys) once the retention window has passed. A receipt still PENDING
 * is kept, whatever its age, until {@link ReceiptRepublisher} has it on Kafka: nothing accepted is lost.
 */
@ApplicationScoped
public class ReceiptPurge {

    private final ReceiptService receipts;
    private final IntakeConfig config;

    public ReceiptPurge(ReceiptService receipts, IntakeConfig config) {
        this.receipts = receipts;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return receipts.purgePublishedBefore(Instant.now().minus(config.idempotencyRetention()))
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Purged %d receipts past the idempotency window", count);
                    }
                })
                .replaceWithVoid();
    }
}
