package nl.loket.kit.privacy;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.config.KitConfig;

/**
 * Deletes processing-log entries older than {@code loket.kit.processing-log.retention} (default one year) once an
 * hour, batch by batch. The log is itself personal data of employees; a year answers a citizen's or privacy
 * officer's question about any contact the services still know.
 */
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.processing-log.enabled", stringValue = "true")
public class ProcessingLogRetention {

    private final ProcessingLog log;
    private final KitConfig.ProcessingLog config;

    public ProcessingLogRetention(ProcessingLog log, KitConfig config) {
        this.log = log;
        this.config = config.processingLog();
    }

    @Scheduled(every = "1h", delayed = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purge().invoke(n -> {
            if (n > 0) {
                Log.infof("Deleted %d processing-log entr(y/ies) older than %s", n, config.retention());
            }
        }).onFailure().invoke(e -> Log.warnf("Purging the processing log failed, next round retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes every entry older than the retention; returns how many. */
    public Uni<Long> purge() {
        Instant before = Instant.now().minus(config.retention());
        int batch = config.purgeBatchSize();
        long[] total = {0};
        return Uni.createFrom().deferred(() -> log.purgeBefore(before, batch))
                .invoke(n -> total[0] += n)
                .repeat().whilst(n -> n >= batch)
                .collect().last()
                .map(ignored -> total[0]);
    }
}
