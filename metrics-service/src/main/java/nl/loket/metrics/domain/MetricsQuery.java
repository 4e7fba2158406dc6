package nl.loket.metrics.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a KPI request selects: contacts received from {@code from} to {@code to} (inclusive, calendar days) in the
 * given municipalities (summed; empty = all municipalities), optionally of one channel, one team (first routed to it
 * or settled by it).
 */
public record MetricsQuery(LocalDate from, LocalDate to, List<String> municipalities, String channel, String team) {

    public MetricsQuery {
        municipalities = municipalities == null ? List.of() : municipalities.stream().sorted().distinct().toList();
    }

    /** The one municipality the query covers, or null when it sums several (or all). */
    public String municipality() {
        return municipalities.size() == 1 ? municipalities.get(0) : null;
    }

    /** The rollup rows' municipality values to sum: the municipalities, or {@link RollupKey#ALL_MUNICIPALITIES}. */
    public List<String> municipalityKeys() {
        return municipalities.isEmpty() ? List.of(RollupKey.ALL_MUNICIPALITIES) : municipalities;
    }

    public String teamKey() {
        return team == null ? RollupKey.ALL_TEAMS : team;
    }

    /**
     * The period split over the two grains: whole months from the month rows [{@code monthsFrom}, {@code monthsTo}),
     * the days before and after them from the day rows. Without a whole month, monthsFrom = monthsTo = to + 1 and
     * all days come from the day rows.
     */
    public Split split() {
        LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate monthsTo = to.plusDays(1).withDayOfMonth(1);
        if (!monthsFrom.isBefore(monthsTo)) {
            LocalDate after = to.plusDays(1);
            return new Split(after, after);
        }
        return new Split(monthsFrom, monthsTo);
    }

    /** Month rows cover [monthsFrom, monthsTo); day rows cover [from, monthsFrom) and [monthsTo, to]. */
    public record Split(LocalDate monthsFrom, LocalDate monthsTo) {
    }
}
