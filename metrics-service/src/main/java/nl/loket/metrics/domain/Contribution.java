package nl.loket.metrics.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.loket.contracts.events.Tier;

/**
 * What one contact's fact adds to the rollups. A fact change is applied as (new contribution − old contribution),
 * so the rollups always equal the sum over all facts, whatever order the events came in.
 *
 * @param counters  rollup row → counter values (indexed by {@link Counter#ordinal()})
 * @param histogram rollup row → time-to-settle bucket (only for settled contacts)
 */
public record Contribution(Map<RollupKey, long[]> counters, Map<RollupKey, Integer> histogram) {

    public static final Contribution NONE = new Contribution(Map.of(), Map.of());

    public static Contribution of(ContactFact fact, ZoneId zone) {
        if (!fact.received || fact.receivedDay == null) {
            return NONE; // period, municipality and channel are not known yet
        }
        boolean first = Boolean.TRUE.equals(fact.firstContact);
        boolean settled = fact.settled();
        boolean direct = first && settled
                && Tier.FIRST_LINE.name().equals(fact.firstTier)
                && Tier.FIRST_LINE.name().equals(fact.settledTier)
                && !fact.transferred && !fact.callbackRequested;
        boolean sameDay = settled && fact.settledAt.atZone(zone).toLocalDate().equals(fact.receivedDay);
        Set<String> breached = fact.breachedTeamSet();

        long[] base = new long[Counter.SIZE];
        base[Counter.RECEIVED.ordinal()] = 1;
        base[Counter.FIRST_CONTACTS.ordinal()] = first ? 1 : 0;
        base[Counter.DIRECTLY_HANDLED.ordinal()] = direct ? 1 : 0;
        base[Counter.SETTLED.ordinal()] = settled ? 1 : 0;
        base[Counter.SETTLED_SAME_DAY.ordinal()] = sameDay ? 1 : 0;
        base[Counter.SETTLED_FIRST_LINE.ordinal()] = settled && Tier.FIRST_LINE.name().equals(fact.settledTier) ? 1 : 0;
        base[Counter.SETTLED_CHAIN_TEAM.ordinal()] = settled && Tier.CHAIN_TEAM.name().equals(fact.settledTier) ? 1 : 0;
        base[Counter.SETTLED_BACK_OFFICE.ordinal()] = settled && Tier.BACK_OFFICE.name().equals(fact.settledTier) ? 1 : 0;
        base[Counter.TRANSFERRED.ordinal()] = fact.transferred ? 1 : 0;
        base[Counter.CALLBACK_REQUESTED.ordinal()] = fact.callbackRequested ? 1 : 0;

        Set<String> teams = new LinkedHashSet<>();
        teams.add(RollupKey.ALL_TEAMS);
        if (fact.firstTeam != null) {
            teams.add(fact.firstTeam);
        }
        if (settled && fact.settledTeam != null) {
            teams.add(fact.settledTeam);
        }
        Integer bucket = settled && fact.receivedAt != null
                ? SettleTimeBuckets.bucketOf(Duration.between(fact.receivedAt, fact.settledAt))
                : null;

        Map<RollupKey, long[]> counters = new TreeMap<>();
        Map<RollupKey, Integer> histogram = new TreeMap<>();
        for (RollupKey key : keys(fact, teams)) {
            long[] values = base.clone();
            boolean byTeam = settled && (key.team().isEmpty() || key.team().equals(fact.settledTeam));
            values[Counter.SETTLED_BY_TEAM.ordinal()] = byTeam ? 1 : 0;
            values[Counter.BREACHED_BY_TEAM.ordinal()] = byTeam && breached.contains(fact.settledTeam) ? 1 : 0;
            counters.put(key, values);
            if (bucket != null) {
                histogram.put(key, bucket);
            }
        }
        return new Contribution(counters, histogram);
    }

    private static List<RollupKey> keys(ContactFact fact, Set<String> teams) {
        List<RollupKey> keys = new ArrayList<>();
        for (char grain : new char[] {RollupKey.DAY, RollupKey.MONTH}) {
            var period = grain == RollupKey.DAY ? fact.receivedDay : fact.receivedDay.withDayOfMonth(1);
            for (String municipality : List.of(fact.municipality, RollupKey.ALL_MUNICIPALITIES)) {
                for (String team : teams) {
                    keys.add(new RollupKey(grain, municipality, team, period, fact.channel));
                }
            }
        }
        return keys;
    }

    /** The change from {@code before} to {@code after}: counter deltas per row (zero rows left out). */
    public static Map<RollupKey, long[]> counterDelta(Contribution before, Contribution after) {
        Map<RollupKey, long[]> delta = new TreeMap<>();
        after.counters.forEach((key, values) -> delta.put(key, values.clone()));
        before.counters.forEach((key, values) -> {
            long[] d = delta.computeIfAbsent(key, k -> new long[Counter.SIZE]);
            for (int i = 0; i < Counter.SIZE; i++) {
                d[i] -= values[i];
            }
        });
        delta.values().removeIf(d -> java.util.Arrays.stream(d).allMatch(v -> v == 0));
        return delta;
    }

    /** Per row: time-to-settle bucket → count delta (zero entries and rows left out). */
    public static Map<RollupKey, Map<Integer, Long>> histogramDelta(Contribution before, Contribution after) {
        Map<RollupKey, Map<Integer, Long>> delta = new TreeMap<>();
        after.histogram.forEach((key, bucket) -> delta.computeIfAbsent(key, k -> new TreeMap<>()).merge(bucket, 1L, Long::sum));
        before.histogram.forEach((key, bucket) -> delta.computeIfAbsent(key, k -> new TreeMap<>()).merge(bucket, -1L, Long::sum));
        delta.values().forEach(buckets -> buckets.values().removeIf(v -> v == 0));
        delta.values().removeIf(Map::isEmpty);
        return delta;
    }
}
