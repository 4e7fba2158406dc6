package nl.loket.chainteam.service;

import java.time.Instant;
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
        return history.nextSeq(item.contactId).chain(seq -> {
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
            return history.persist(e);
        });
    }
}
