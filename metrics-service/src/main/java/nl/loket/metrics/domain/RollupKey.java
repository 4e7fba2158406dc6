package nl.loket.metrics.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One rollup row: grain D (day of receipt) or M (month of receipt, first day), municipality or {@link #ALL_MUNICIPALITIES},
 * team or {@link #ALL_TEAMS}, period, channel.
 */
public record RollupKey(char grain, String municipality, String team, LocalDate period, String channel)
        implements Comparable<RollupKey> {

    public static final char DAY = 'D';
    public static final char MONTH = 'M';
    public static final String ALL_MUNICIPALITIES = "*";
    public static final String ALL_TEAMS = "";

    /** Primary-key order: rows are always locked in this order, so concurrent transactions cannot deadlock. */
    private static final Comparator<RollupKey> ORDER = Comparator.comparing((RollupKey k) -> k.grain)
            .thenComparing(RollupKey::municipality).thenComparing(RollupKey::team)
            .thenComparing(RollupKey::period).thenComparing(RollupKey::channel);

    @Override
    public int compareTo(RollupKey other) {
        return ORDER.compare(this, other);
    }
}
