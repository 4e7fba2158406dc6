package nl.loket.chainteam.service;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.repository.HistoryRepository;

/** Appends a work item's history entries, each carrying the item's state after the action (caller's transaction). */
@ApplicationScoped
public class HistoryRecorder {

    private final HistoryRepository history;

    public HistoryRecorder(HistoryRepository history) {
        this.history = history;
    }

    public Uni<HistoryEntry> record(WorkItem item, HistoryAction action, Member member, Instant at,
            Consumer<HistoryEntry> details) {
        return record(item, action, member.id(), member.organisation(), at, details);
    }

    public Uni<HistoryEntry> record(WorkItem item, HistoryAction action, String actor, String organisation,
            Instant at, Consumer<HistoryEntry> details) {
        return history.nextSeq(item.contactId)
                .chain(seq -> history.persist(entry(item, seq, action, actor, organisation, at, details)));
    }

    /**
     * Entries of many changes in one transaction (a batch of consumed events): the contacts' entry counts are read
     * in one query up front instead of once per entry, so numbering costs one round trip for the whole batch.
     */
    public Uni<HistoryBatch> batchOf(Collection<String> contactIds) {
        return history.countsOf(contactIds).map(counts -> new HistoryBatch(history, counts));
    }

    /** The entry for {@code item} as it stands now, numbered {@code seq}. */
    static HistoryEntry entry(WorkItem item, int seq, HistoryAction action, String actor, String organisation,
            Instant at, Consumer<HistoryEntry> details) {
        HistoryEntry e = new HistoryEntry();
        e.contactId = item.contactId;
        e.seq = seq;
        e.occurredAt = at;
        e.action = action;
        e.actor = actor;
        e.organisation = organisation;
        e.teamId = item.teamId;
        e.tier = item.tier;
        e.hop = item.hop;
        e.statusAfter = item.status;
        e.assigneeAfter = item.assignee;
        e.dueAt = item.dueAt;
        details.accept(e);
        return e;
    }
}
