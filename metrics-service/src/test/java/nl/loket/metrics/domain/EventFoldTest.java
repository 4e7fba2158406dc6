package nl.loket.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;

/**
 * A batch folded in memory ends where its events, each in a transaction of its own, end: the same facts, call-backs
 * and rollup rows (compared with a rollup table that receives every event's write, as before batches).
 */
class EventFoldTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void aContactsEventsInOneBatchEndWhereTheyEndOneByOne() {
        List<ContactEvent> events = List.of(
                routed("e1", "c", 0, Tier.FIRST_LINE, "kcc"),
                event("e2", "c", new ContactTransferRequested("c", "kcc", "omgeving", 0, "r", "a", T.plusSeconds(60))),
                routed("e3", "c", 1, Tier.CHAIN_TEAM, "omgeving"),
                event("e4", "c", new CallbackRequested("c", "cb", "omgeving", "omgeving", null, T.plusSeconds(3600),
                        "a", T.plusSeconds(120))),
                event("e5", "c", new CallbackCompleted("c", "cb", "omgeving", true, "a", T.plusSeconds(600))),
                handled("e6", "c", "omgeving", Tier.CHAIN_TEAM, 1, T.plusSeconds(7200)),
                event("e7", "c", new DeadlineBreached("c", "omgeving", T, T)),
                routed("e8", "d", 0, Tier.FIRST_LINE, "kcc"),
                handled("e9", "d", "kcc", Tier.FIRST_LINE, 0, T.plusSeconds(300)));

        Db batched = new Db();
        batched.apply(events);
        Db oneByOne = new Db();
        events.forEach(e -> oneByOne.apply(List.of(e)));

        assertThat(batched.table()).isEqualTo(oneByOne.table());
        assertThat(batched.histograms).isEqualTo(oneByOne.histograms);
        assertThat(batched.facts).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*updatedAt")
                .isEqualTo(oneByOne.facts);
        assertThat(batched.callbacks).usingRecursiveComparison().isEqualTo(oneByOne.callbacks);
        assertThat(batched.facts.get("c").settledTeam).isEqualTo("omgeving");
        assertThat(batched.callbacks.get("cb").completedAt).isEqualTo(T.plusSeconds(600));
        assertThat(batched.writes).as("one write of the rollups for the batch").isEqualTo(1);
        assertThat(batched.rollups.get(key("D", "GM0363", "", "PHONE"))[Counter.DIRECTLY_HANDLED.ordinal()])
                .isEqualTo(1);
    }

    @Test
    void aRowWhoseChangesCancelOutInTheBatchIsStillWrittenAsOneByOne() {
        // settled by burgerzaken, then by omgeving later: the burgerzaken rows get +1 and −1
        List<ContactEvent> events = List.of(
                routed("e1", "c", 0, Tier.FIRST_LINE, "kcc"),
                handled("e2", "c", "burgerzaken", Tier.BACK_OFFICE, 1, T.plusSeconds(600)),
                handled("e3", "c", "omgeving", Tier.CHAIN_TEAM, 2, T.plusSeconds(1200)));
        EventFold fold = fold(Map.of("c", new ContactFact("c")), events);

        RollupKey burgerzaken = key("D", "GM0363", "burgerzaken", "PHONE");
        assertThat(fold.changes().counters()).containsKey(burgerzaken);
        assertThat(fold.changes().counters().get(burgerzaken)).containsOnly(0L);
        assertThat(fold.changes().histogram().getOrDefault(burgerzaken, Map.of())).isEmpty();

        Db oneByOne = new Db();
        events.forEach(e -> oneByOne.apply(List.of(e)));
        assertThat(oneByOne.table()).containsKey(burgerzaken);
        Db batched = new Db();
        batched.apply(events);
        assertThat(batched.table()).isEqualTo(oneByOne.table());
    }

    @Test
    void aBatchOfContactsChangesEachSharedRowOnceByTheirSum() {
        int n = 50;
        Map<String, ContactFact> facts = new HashMap<>();
        List<ContactEvent> events = IntStream.rangeClosed(1, n).boxed().flatMap(i -> {
            facts.put("c" + i, new ContactFact("c" + i));
            return List.of(routed("r" + i, "c" + i, 0, Tier.FIRST_LINE, "kcc"),
                    handled("h" + i, "c" + i, "kcc", Tier.FIRST_LINE, 0, T.plusSeconds(300))).stream();
        }).toList();

        RollupChanges changes = fold(facts, events).changes();

        // 2 grains × (GM0363, *) × (all teams, kcc)
        assertThat(changes.counters()).hasSize(8);
        assertThat(changes.counters().values()).allSatisfy(row -> {
            assertThat(row[Counter.RECEIVED.ordinal()]).isEqualTo(n);
            assertThat(row[Counter.DIRECTLY_HANDLED.ordinal()]).isEqualTo(n);
        });
        int fiveMinutes = SettleTimeBuckets.bucketOf(java.time.Duration.ofMinutes(5));
        assertThat(changes.histogram().get(key("M", "*", "", "PHONE"))).isEqualTo(Map.of(fiveMinutes, (long) n));
    }

    @Test
    void theRowsABatchLocksAreTheContactsItChangesAndItsCallbacksSorted() {
        List<ContactEvent> events = List.of(
                routed("e1", "z", 0, Tier.FIRST_LINE, "kcc"),
                event("e2", "y", new CallbackCompleted("y", "cb-2", "kcc", true, "a", T)),
                event("e3", "x", new DeadlineApproaching("x", "kcc", T, T)),
                event("e4", "a", new CallbackRequested("a", "cb-2", "kcc", "kcc", null, T, "a", T)),
                event("e5", "b", new CallbackRequested("b", "cb-1", "kcc", "kcc", null, T, "a", T)));

        // a completed call-back or an approaching deadline alone changes no fact (no row is created for them)
        assertThat(EventFold.contactsChanged(events)).containsExactly("a", "b", "z");
        // the contact of a call-back is that of its first event
        assertThat(EventFold.callbacksTouched(events)).containsExactly(Map.entry("cb-1", "b"), Map.entry("cb-2", "y"));
    }

    /** The stored rows, and the rollup table receiving each batch's changes as RollupRepository adds them. */
    private static final class Db {
        final Map<String, ContactFact> facts = new TreeMap<>();
        final Map<String, CallbackItem> callbacks = new TreeMap<>();
        final Map<RollupKey, long[]> rollups = new TreeMap<>();
        final Map<RollupKey, Map<Integer, Long>> histograms = new TreeMap<>();
        int writes;

        /** The rollup rows with their counters as text, to compare. */
        Map<RollupKey, String> table() {
            Map<RollupKey, String> table = new TreeMap<>();
            rollups.forEach((key, row) -> table.put(key, java.util.Arrays.toString(row)));
            return table;
        }

        void apply(List<ContactEvent> batch) {
            EventFold.contactsChanged(batch).forEach(id -> facts.computeIfAbsent(id, ContactFact::new));
            EventFold.callbacksTouched(batch).forEach((id, contact) -> callbacks.computeIfAbsent(id, k -> {
                CallbackItem item = new CallbackItem();
                item.callbackId = id;
                item.contactId = contact;
                return item;
            }));
            EventFold fold = new EventFold(facts, callbacks, AMSTERDAM);
            batch.forEach(fold::apply);
            if (fold.changes().isEmpty()) {
                return;
            }
            writes++;
            fold.changes().counters().forEach((key, delta) -> {
                long[] row = rollups.computeIfAbsent(key, k -> new long[Counter.SIZE]);
                for (int i = 0; i < Counter.SIZE; i++) {
                    row[i] += delta[i];
                }
            });
            fold.changes().histogram().forEach((key, delta) -> {
                Map<Integer, Long> row = histograms.computeIfAbsent(key, k -> new TreeMap<>());
                delta.forEach((bucket, count) -> {
                    if (row.merge(bucket, count, Long::sum) == 0L) {
                        row.remove(bucket);
                    }
                });
            });
        }
    }

    private static EventFold fold(Map<String, ContactFact> facts, List<ContactEvent> events) {
        EventFold fold = new EventFold(facts, Map.of(), AMSTERDAM);
        events.forEach(fold::apply);
        return fold;
    }

    private static RollupKey key(String grain, String municipality, String team, String channel) {
        LocalDate period = grain.equals("D") ? DAY : DAY.withDayOfMonth(1);
        return new RollupKey(grain.charAt(0), municipality, team, period, channel);
    }

    private static ContactEvent routed(String id, String contact, int hop, Tier tier, String team) {
        return event(id, contact, new ContactRouted(contact, "GM0363", Channel.PHONE, T, hop, tier, team, "r", 0.5,
                "rule", null, null, null, null, "p", 1, null, T.plusSeconds(hop), null));
    }

    private static ContactEvent handled(String id, String contact, String team, Tier tier, int hop, Instant at) {
        return event(id, contact, new ContactHandled(contact, team, tier, hop, Channel.PHONE, Outcome.ANSWERED, "a",
                null, false, at));
    }

    private static ContactEvent event(String id, String contact, Record data) {
        return new ContactEvent(id, data.getClass().getSimpleName(), contact, data);
    }
}
