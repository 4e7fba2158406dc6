package nl.loket.metrics.domain;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rollup changes of a batch of events: each event's delta (new contribution − old contribution of its fact),
 * summed per rollup row in memory, so that the batch writes every row once instead of once per event. The rows of
 * one day and municipality are hot (every contact of that day adds to them); one write per batch is what makes a
 * batch cheap.
 *
 * <p>Because the deltas are added, the rows end as they would after writing the events one by one. A row that some
 * event changed is kept even when the batch's changes cancel out (a settling team replaced by a later one), so it is
 * written — with zeros — exactly when the per-event path would have written it.
 */
public final class RollupChanges {

    private final SortedMap<RollupKey, long[]> counters = new TreeMap<>();
    private final SortedMap<RollupKey, Map<Integer, Long>> histogram = new TreeMap<>();

    /** Adds the change of one fact from {@code before} to {@code after}. */
    public void add(Contribution before, Contribution after) {
        Contribution.counterDelta(before, after).forEach((key, delta) -> {
            long[] sum = row(key);
            for (int i = 0; i < Counter.SIZE; i++) {
                sum[i] += delta[i];
            }
        });
        Contribution.histogramDelta(before, after).forEach((key, delta) -> {
            row(key);
            Map<Integer, Long> sum = histogram.computeIfAbsent(key, k -> new TreeMap<>());
            delta.forEach((bucket, count) -> {
                if (sum.merge(bucket, count, Long::sum) == 0L) {
                    sum.remove(bucket);
                }
            });
        });
    }

    /** Counter sums per changed row, in key order (every changed row, also one whose sums are all zero). */
    public SortedMap<RollupKey, long[]> counters() {
        return Collections.unmodifiableSortedMap(counters);
    }

    /** Time-to-settle bucket → count sums per row (buckets whose sum is zero left out). */
    public SortedMap<RollupKey, Map<Integer, Long>> histogram() {
        return Collections.unmodifiableSortedMap(histogram);
    }

    public boolean isEmpty() {
        return counters.isEmpty();
    }

    private long[] row(RollupKey key) {
        return counters.computeIfAbsent(key, k -> new long[Counter.SIZE]);
    }
}
