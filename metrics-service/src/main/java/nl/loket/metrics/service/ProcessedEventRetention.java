package nl.loket.metrics.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.config.MetricsConfig;
import nl.loket.metrics.repository.ProcessedEventRepository;

/**
 * Keeps {@code processed_event} from growing with every event ever applied: ids older than the retention are
 * deleted, batch by batch (short transactions next to the consumers'), once an hour.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private final ProcessedEventRepository processed;
    private final MetricsConfig config;

    public ProcessedEventRetention(ProcessedEventRepository processed, MetricsConfig config) {
        this.processed = processed;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purge().invoke(n -> {
            if (n > 0) {
                Log.infof("Deleted %d applied event id(s) older than %s", n, config.processedEvents().retention());
            }
        }).onFailure().invoke(e -> Log.warnf("Purging applied event ids failed, next round retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes every applied event id older than the retention; returns how many. */
    public Uni<Long> purge() {
        Instant before = Instant.now().minus(config.processedEvents().retention());
        int batch = config.processedEvents().purgeBatchSize();
        long[] total = {0};
        return Uni.createFrom().deferred(() -> processed.deleteAppliedBefore(before, batch))
                .invoke(n -> total[0] += n)
                .repeat().whilst(n -> n >= batch)
                .collect().last()
                .map(ignored -> total[0]);
    }
}
