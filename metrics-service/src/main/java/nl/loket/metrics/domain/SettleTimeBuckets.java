package nl.loket.metrics.domain;

import java.time.Duration;
import java.util.Map;

/**
 * Fixed buckets of the time-to-settle histogram, by upper bound in minutes: every minute up to 1 hour, every
 * 30 minutes up to 1 day, every 6 hours up to 30 days, and one bucket beyond. A quantile is the upper bound of
 * the bucket that holds the nearest-rank element, so it is exact for whole minutes under an hour, whole half
 * hours under a day and whole quarter days under 30 days.
 */
public final class SettleTimeBuckets {

    private static final int HOUR = 60;
    private static final int DAY = 24 * HOUR;
    private static final int MONTH = 30 * DAY;
    /** Last regular bucket index; {@link #OVERFLOW} holds everything beyond 30 days. */
    private static final int MINUTE_BUCKETS = 60;
    private static final int HALF_HOUR_BUCKETS = (DAY - HOUR) / 30;
    private static final int QUARTER_DAY_BUCKETS = (MONTH - DAY) / 360;
    public static final int OVERFLOW = MINUTE_BUCKETS + HALF_HOUR_BUCKETS + QUARTER_DAY_BUCKETS + 1;

    private SettleTimeBuckets() {
    }

    /** The bucket of a time to settle (negative durations, from clock skew, count as zero). */
    public static int bucketOf(Duration timeToSettle) {
        long seconds = Math.max(0, timeToSettle.getSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        if (minutes <= HOUR) {
            return (int) minutes;
        }
        if (minutes <= DAY) {
            return MINUTE_BUCKETS + (int) ((minutes - HOUR + 29) / 30);
        }
        if (minutes <= MONTH) {
            return MINUTE_BUCKETS + HALF_HOUR_BUCKETS + (int) ((minutes - DAY + 359) / 360);
        }
        return OVERFLOW;
    }

    /** Upper bound of a bucket in minutes; the overflow bucket reports 30 days. */
    public static long upperBoundMinutes(int bucket) {
        if (bucket <= MINUTE_BUCKETS) {
            return bucket;
        }
        if (bucket <= MINUTE_BUCKETS + HALF_HOUR_BUCKETS) {
            return HOUR + 30L * (bucket - MINUTE_BUCKETS);
        }
        if (bucket < OVERFLOW) {
            return DAY + 360L * (bucket - MINUTE_BUCKETS - HALF_HOUR_BUCKETS);
        }
        return MONTH;
    }

    /** Nearest-rank quantile (0 &lt; q ≤ 1) in minutes over a histogram bucket → count, or null when empty. */
    public static Long quantileMinutes(Map<Integer, Long> histogram, double q) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total - 1e-9));
        long seen = 0;
        for (var entry : new java.util.TreeMap<>(histogram).entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return upperBoundMinutes(entry.getKey());
            }
        }
        return upperBoundMinutes(OVERFLOW);
    }
}
