package nl.loket.kit.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.config.KitConfig;

/**
 * Keeps {@code processed_event} from growing with every event ever processed: once an hour, ids older than
 * {@code loket.kit.inbox.retention} are deleted batch by batch (short transactions beside the consumers').
 */
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.inbox.enabled", stringValue = "true")
public class InboxRetention {

    private final Inbox inbox;
    private final KitConfig.Inbox config;

    public InboxRetention(Inbox inbox, KitConfig config) {
        this.inbox = inbox;
        this.config = config.inbox();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purge().invoke(n -> {
            if (n > 0) {
                Log.infof("Deleted %d processed event id(s) older than %s", n, config.retention());
            }
        }).onFailure().invoke(e -> Log.warnf("Purging processed event ids failed, next round retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes every processed event id older than the retention; returns how many. */
    public Uni<Long> purge() {
        Instant before = Instant.now().minus(config.retention());
        int batch = config.purgeBatchSize();
        long[] total = {0};
        return Uni.createFrom().deferred(() -> inbox.purgeBefore(before, batch))
                .invoke(n -> total[0] += n)
                .repeat().whilst(n -> n >= batch)
                .collect().last()
                .map(ignored -> total[0]);
    }
}
