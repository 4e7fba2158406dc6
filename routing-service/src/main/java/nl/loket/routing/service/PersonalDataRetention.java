package nl.loket.routing.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import nl.loket.routing.config.RoutingConfig;

/**
 * Retention of personal data: the personal fields of contacts received longer ago than
 * {@code loket.routing.retention.personal-data} (default 60 days) are erased — subject, text, citizen details and
 * reference from the stored contact, and the same plus the transfer reason from the stored events of its transfers.
 * The decisions and their facts (team, tier, rule, reason, times) stay, so routing can still answer a redelivery or a
 * late transfer, and the KPIs do not change. Runs every {@code loket.routing.retention.every} (default 1 h), batch
 * by batch, each in a transaction of its own.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private final PersonalDataService personalData;
    private final RoutingConfig.Retention config;

    public PersonalDataRetention(PersonalDataService personalData, RoutingConfig config) {
        this.personalData = personalData;
        this.config = config.retention();
    }

    @Scheduled(every = "${loket.routing.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return eraseExpired().invoke(n -> {
            if (n > 0) {
                Log.infof("Erased the personal data of %d contact(s) received more than %s ago", n,
                        config.personalData());
            }
        }).onFailure().invoke(e -> Log.warnf("Erasing expired personal data failed, the next round retries: %s",
                e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Erases the personal fields of every contact past the retention; returns how many contacts. */
    public Uni<Long> eraseExpired() {
        Instant before = Instant.now().minus(config.personalData());
        int batch = config.batchSize();
        long[] total = {0};
        return Uni.createFrom().deferred(() -> personalData.eraseReceivedBefore(before, batch))
                .invoke(ids -> total[0] += ids.size())
                .repeat().whilst(ids -> ids.size() >= batch)
                .collect().last()
                .map(ignored -> total[0]);
    }
}
