package nl.loket.chainteam.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.repository.PersonalDataRepository;

/**
 * Erases the personal fields of RESOLVED work items once they were resolved longer ago than
 * {@code loket.chain-team.retention.personal-data} (default 30 days); open items keep theirs. Runs every
 * {@code loket.chain-team.retention.interval}, in transactions of {@code batch-size} items; replicas running at the same
 * time skip each other's rows. What is personal and what stays: {@link PersonalDataRepository}.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private final PersonalDataRepository personalData;
    private final ChainTeamConfig.Retention config;

    public PersonalDataRetention(PersonalDataRepository personalData, ChainTeamConfig config) {
        this.personalData = personalData;
        this.config = config.retention();
    }

    @Scheduled(every = "${loket.chain-team.retention.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return eraseExpired(Instant.now())
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Erased the personal data of %d work item(s) resolved more than %s ago", n,
                                config.personalData());
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Personal-data retention failed, next run retries: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Erases the personal fields of every RESOLVED item resolved more than the retention before {@code now}. */
    public Uni<Integer> eraseExpired(Instant now) {
        Instant before = now.minus(config.personalData());
        int batch = config.batchSize();
        int[] total = {0};
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> personalData.resolvedBefore(before, batch)
                .call(ids -> personalData.erase(ids, now)).map(List::size)))
                .invoke(n -> total[0] += n)
                .repeat().whilst(n -> n >= batch)
                .collect().last()
                .map(ignored -> total[0]);
    }
}
