package nl.loket.metrics.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.inbox.Inbox;
import nl.loket.metrics.config.MetricsConfig;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.domain.EventFold;
import nl.loket.metrics.repository.CallbackRepository;
import nl.loket.metrics.repository.ContactFactRepository;
import nl.loket.metrics.repository.RollupRepository;

/**
 * Applies a batch of events in one transaction, with a handful of round trips instead of several per event (the
 * consumers' bottleneck, issue #17): records all event ids at once (a redelivered event, or one seen earlier in the
 * batch, is skipped), creates and locks the call-backs and facts the batch touches (one insert and one select for
 * update each), folds the events into them in record order in memory, and writes each rollup row the batch changes
 * once, with the batch's summed delta. Hibernate flushes the changed facts and call-backs in JDBC batches.
 *
 * <p>Lock order is the same for every batch of either channel — event ids, call-backs, facts, rollup rows, each
 * sorted by id or key — so two batches that share rows wait for each other and never deadlock.
 */
@ApplicationScoped
public class FactService {

    private final Inbox inbox;
    private final ContactFactRepository facts;
    private final CallbackRepository callbacks;
    private final RollupRepository rollups;
    private final ZoneId zone;

    public FactService(Inbox inbox, ContactFactRepository facts, CallbackRepository callbacks,
            RollupRepository rollups, MetricsConfig config) {
        this.inbox = inbox;
        this.facts = facts;
        this.callbacks = callbacks;
        this.rollups = rollups;
        this.zone = ZoneId.of(config.zone());
    }

    /**
     * @param events in record order
     * @return per event, in the same order: true when applied now, false when its id was applied before (or earlier
     *         in this batch)
     */
    @WithTransaction
    public Uni<List<Boolean>> applyAll(List<ContactEvent> events) {
        List<String> ids = events.stream().map(ContactEvent::id).distinct().sorted().toList();
        return inbox.markProcessed(ids).chain(recorded -> {
            List<Boolean> applied = firstTimes(events, recorded);
            List<ContactEvent> fresh = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (applied.get(i)) {
                    fresh.add(events.get(i));
                } else {
                    Log.debugf("Event %s (%s) was applied before; skipped", events.get(i).id(), events.get(i).type());
                }
            }
            return fold(fresh).replaceWith(applied);
        });
    }

    /** An event is applied when the inbox recorded its id now, and only at the first of its occurrences. */
    private static List<Boolean> firstTimes(List<ContactEvent> events, Set<String> recorded) {
        Set<String> seen = new HashSet<>();
        return events.stream().map(e -> recorded.contains(e.id()) && seen.add(e.id())).toList();
    }

    private Uni<Void> fold(List<ContactEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return callbacks.lockOrCreate(EventFold.callbacksTouched(events))
                .chain(items -> facts.lockOrCreate(EventFold.contactsChanged(events)).chain(rows -> {
                    EventFold fold = new EventFold(rows, items, zone);
                    events.forEach(fold::apply);
                    return rollups.add(fold.changes().counters(), fold.changes().histogram());
                }))
                .replaceWithVoid();
    }
}
