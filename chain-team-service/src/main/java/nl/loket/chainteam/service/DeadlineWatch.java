package nl.loket.chainteam.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.repository.WorkItemRepository;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;

/**
 * Emits DeadlineApproaching and DeadlineBreached once per item (per assignment): the flag, the history entry and
 * the outbox row commit together, and the item's version guards against a concurrent change.
 */
@ApplicationScoped
public class DeadlineWatch {

    public static final String ACTOR = "system:deadline-watch";

    private final WorkItemRepository items;
    private final HistoryRecorder history;
    private final LifecycleOutbox lifecycle;
    private final ChainTeamConfig config;

    public DeadlineWatch(WorkItemRepository items, HistoryRecorder history, LifecycleOutbox lifecycle,
            ChainTeamConfig config) {
        this.items = items;
        this.history = history;
        this.lifecycle = lifecycle;
        this.config = config;
    }

    @Scheduled(every = "${loket.chain-team.deadline.scan-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return scan(Instant.now())
                .onFailure().invoke(e -> Log.warnf("Deadline scan failed, retried next run: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many events were written */
    @WithTransaction
    public Uni<Integer> scan(Instant now) {
        int limit = config.deadline().batchSize();
        return items.breached(now, limit)
                .chain(breached -> each(breached, item -> breach(item, now)))
                .chain(n -> items.approaching(now, limit)
                        .chain(approaching -> each(approaching, item -> approach(item, now)))
                        .map(m -> n + m));
    }

    private Uni<WorkItem> breach(WorkItem item, Instant now) {
        item.breachedNotified = true;
        item.approachingNotified = true;
        return history.record(item, HistoryAction.DEADLINE_BREACHED, ACTOR, null, now, e -> {
        }).chain(() -> lifecycle.add(item.contactId,
                new DeadlineBreached(item.contactId, item.teamId, item.dueAt, now), now)).replaceWith(item);
    }

    private Uni<WorkItem> approach(WorkItem item, Instant now) {
        item.approachingNotified = true;
        return history.record(item, HistoryAction.DEADLINE_APPROACHING, ACTOR, null, now, e -> {
        }).chain(() -> lifecycle.add(item.contactId,
                new DeadlineApproaching(item.contactId, item.teamId, item.dueAt, now), now)).replaceWith(item);
    }

    private static Uni<Integer> each(List<WorkItem> list, java.util.function.Function<WorkItem, Uni<WorkItem>> action) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(w -> action.apply(w))
                .collect().asList().map(done -> list.size());
    }
}
