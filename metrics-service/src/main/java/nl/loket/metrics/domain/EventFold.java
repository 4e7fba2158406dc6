package nl.loket.metrics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineBreached;

/**
 * Folds a batch of events, in record order, into the facts and call-backs the batch touches (loaded and locked
 * beforehand), and sums what each change does to the rollups. It works in memory only: two events of one contact in
 * the same batch change the same fact object one after the other, exactly as two transactions would one after the
 * other, so a batch ends where applying its events one by one ends.
 */
public final class EventFold {

    private final Map<String, ContactFact> facts;
    private final Map<String, CallbackItem> callbacks;
    private final ZoneId zone;
    private final RollupChanges changes = new RollupChanges();

    /**
     * @param facts     contact id → fact, for every id of {@link #contactsChanged}
     * @param callbacks call-back id → call-back, for every id of {@link #callbacksTouched}
     */
    public EventFold(Map<String, ContactFact> facts, Map<String, CallbackItem> callbacks, ZoneId zone) {
        this.facts = facts;
        this.callbacks = callbacks;
        this.zone = zone;
    }

    /** The contacts whose fact the events change, sorted (the order their rows are created and locked in). */
    public static SortedSet<String> contactsChanged(List<ContactEvent> events) {
        SortedSet<String> ids = new TreeSet<>();
        for (ContactEvent event : events) {
            if (changesFact(event.data())) {
                ids.add(event.contactId());
            }
        }
        return ids;
    }

    /**
     * The call-backs the events touch, sorted by id, each with the contact of its first event in the batch (the one
     * that would have created its row when applied one by one).
     */
    public static SortedMap<String, String> callbacksTouched(List<ContactEvent> events) {
        SortedMap<String, String> touched = new TreeMap<>();
        for (ContactEvent event : events) {
            if (event.data() instanceof CallbackRequested requested) {
                touched.putIfAbsent(requested.callbackId(), requested.contactId());
            } else if (event.data() instanceof CallbackCompleted completed) {
                touched.putIfAbsent(completed.callbackId(), completed.contactId());
            }
        }
        return touched;
    }

    /** Applies one event: the same rules, in the same way, as when it had a transaction of its own. */
    public EventFold apply(ContactEvent event) {
        Record data = event.data();
        if (data instanceof CallbackRequested requested) {
            CallbackItem item = callback(requested.callbackId());
            item.teamId = requested.teamId();
            item.targetTeamId = requested.targetTeamId();
            item.dueAt = requested.dueAt();
            item.requestedAt = requested.requestedAt();
            changeFact(event.contactId(), FactRules::callbackRequested);
        } else if (data instanceof CallbackCompleted completed) {
            CallbackItem item = callback(completed.callbackId());
            if (item.completedAt == null || completed.completedAt().isBefore(item.completedAt)) {
                item.completedAt = completed.completedAt();
            }
        } else if (data instanceof ContactRouted routed) {
            changeFact(event.contactId(), fact -> FactRules.routed(fact, routed, zone));
        } else if (data instanceof ContactHandled handled) {
            changeFact(event.contactId(), fact -> FactRules.handled(fact, handled));
        } else if (data instanceof ContactTransferRequested) {
            changeFact(event.contactId(), FactRules::transferRequested);
        } else if (data instanceof DeadlineBreached breached) {
            changeFact(event.contactId(), fact -> FactRules.deadlineBreached(fact, breached));
        }
        // DeadlineApproaching: recorded as processed, no KPI depends on it
        return this;
    }

    /** The rollup changes of every event applied so far, summed per row. */
    public RollupChanges changes() {
        return changes;
    }

    private static boolean changesFact(Record data) {
        return data instanceof CallbackRequested || data instanceof ContactRouted || data instanceof ContactHandled
                || data instanceof ContactTransferRequested || data instanceof DeadlineBreached;
    }

    private void changeFact(String contactId, Consumer<ContactFact> rule) {
        ContactFact fact = required(facts, contactId, "fact");
        Contribution before = Contribution.of(fact.copy(), zone);
        rule.accept(fact);
        fact.updatedAt = Instant.now();
        changes.add(before, Contribution.of(fact, zone));
    }

    private CallbackItem callback(String callbackId) {
        return required(callbacks, callbackId, "call-back");
    }

    private static <T> T required(Map<String, T> rows, String id, String what) {
        T row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("The " + what + " " + id + " was not loaded for the batch");
        }
        return row;
    }
}
