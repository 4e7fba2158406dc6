package nl.loket.chainteam.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.repository.HistoryRepository;

/**
 * History entries of a batch of changes, made in the caller's transaction (see {@link HistoryRecorder#batchOf}).
 * Each entry is taken the moment its change is made — it carries the item's state after that change, exactly as
 * {@link HistoryRecorder#record} would — and is numbered after the contact's earlier entries, those of the batch
 * included. They are stored together by {@link #persist()}: the work items the batch created are then inserted first
 * in one go (Hibernate executes pending inserts before an entry's own), not one by one between the entries.
 */
public final class HistoryBatch {

    private final HistoryRepository history;
    /** Entries per contact so far: stored ones plus those added here. */
    private final Map<String, Integer> counts;
    private final List<HistoryEntry> entries = new ArrayList<>();

    HistoryBatch(HistoryRepository history, Map<String, Integer> storedCounts) {
        this.history = history;
        this.counts = new HashMap<>(storedCounts);
    }

    /** Adds the entry of an action on {@code item}, as the item stands now. */
    public HistoryEntry add(WorkItem item, HistoryAction action, String actor, String organisation, Instant at,
            Consumer<HistoryEntry> details) {
        int seq = counts.merge(item.contactId, 1, Integer::sum);
        HistoryEntry e = HistoryRecorder.entry(item, seq, action, actor, organisation, at, details);
        entries.add(e);
        return e;
    }

    /** Stores the entries in the order they were added (in the caller's transaction). */
    public Uni<Void> persist() {
        return entries.isEmpty() ? Uni.createFrom().voidItem() : history.persist(entries);
    }
}
