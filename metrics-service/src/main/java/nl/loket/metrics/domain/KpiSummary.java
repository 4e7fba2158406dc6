package nl.loket.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The KPIs over a period and filters: the body of {@code GET /api/v1/metrics/summary}. */
public record KpiSummary(
        int definitionsVersion,
        Filters filters,
        Instant generatedAt,
        long received,
        long firstContacts,
        long settled,
        long open,
        DirectHandling directHandling,
        List<ChannelFigures> channels,
        Share digital,
        List<TierFigures> tiers,
        Share transfers,
        Callbacks callbacks,
        List<TeamCompliance> deadlineCompliance,
        TimeToSettle timeToSettle,
        Definitions definitions) {

    /**
     * The selection: {@code municipalities} are the municipalities summed (the caller's, or the one asked for);
     * {@code municipality} is that one when there is only one, else null.
     */
    public record Filters(LocalDate from, LocalDate to, String municipality, List<String> municipalities,
            String channel, String team) {
    }

    /** A count and its share of the denominator the definition names (null when that is 0). */
    public record Share(long count, Double share) {
    }

    public record DirectHandling(long directlyHandled, long firstContacts, Double share, double target, Double gap) {
    }

    public record ChannelFigures(String channel, long received, Double share, long settledSameDay, Double sameDayShare) {
    }

    public record TierFigures(String tier, long settled, Double share) {
    }

    public record Callbacks(long requested, Double rate, long openPastDue) {
    }

    public record TeamCompliance(String team, long settled, long breached, Double compliance) {
    }

    public record TimeToSettle(long settled, Long medianMinutes, Long p90Minutes) {
    }

    public record Definitions(int version, List<KpiDefinitions.Definition> items) {
    }
}
