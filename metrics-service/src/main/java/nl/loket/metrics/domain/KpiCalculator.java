package nl.loket.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;

/** The KPI formulas over summed rollup counters (pure arithmetic; see {@link KpiDefinitions}). */
public final class KpiCalculator {

    private KpiCalculator() {
    }

    public static KpiSummary summary(MetricsQuery query, Map<String, long[]> byChannel, Map<String, long[]> byTeam,
            Map<Integer, Long> histogram, long openCallbacksPastDue, double target, Instant now) {
        long[] total = sum(byChannel);
        long received = total[Counter.RECEIVED.ordinal()];
        long first = total[Counter.FIRST_CONTACTS.ordinal()];
        long direct = total[Counter.DIRECTLY_HANDLED.ordinal()];
        long settled = total[Counter.SETTLED.ordinal()];
        Double directShare = ratio(direct, first);

        List<KpiSummary.ChannelFigures> channels = new ArrayList<>();
        long digital = 0;
        for (Channel channel : Channel.values()) {
            long[] c = byChannel.getOrDefault(channel.name(), new long[Counter.SIZE]);
            if (query.channel() != null && !query.channel().equals(channel.name())) {
                continue;
            }
            long r = c[Counter.RECEIVED.ordinal()];
            long sameDay = c[Counter.SETTLED_SAME_DAY.ordinal()];
            channels.add(new KpiSummary.ChannelFigures(channel.name(), r, ratio(r, received), sameDay, ratio(sameDay, r)));
            if (channel.isDigital()) {
                digital += r;
            }
        }
        List<KpiSummary.TierFigures> tiers = List.of(
                tier(Tier.FIRST_LINE, total[Counter.SETTLED_FIRST_LINE.ordinal()], settled),
                tier(Tier.CHAIN_TEAM, total[Counter.SETTLED_CHAIN_TEAM.ordinal()], settled),
                tier(Tier.BACK_OFFICE, total[Counter.SETTLED_BACK_OFFICE.ordinal()], settled));
        List<KpiSummary.TeamCompliance> compliance = new ArrayList<>();
        byTeam.forEach((team, v) -> {
            if (v[0] > 0) {
                compliance.add(new KpiSummary.TeamCompliance(team, v[0], v[1], ratio(v[0] - v[1], v[0])));
            }
        });
        long transferred = total[Counter.TRANSFERRED.ordinal()];
        long callbacks = total[Counter.CALLBACK_REQUESTED.ordinal()];
        long histogramTotal = histogram.values().stream().mapToLong(Long::longValue).sum();
        return new KpiSummary(KpiDefinitions.VERSION,
                filters(query), now, received, first, settled, received - settled,
                new KpiSummary.DirectHandling(direct, first, directShare, target,
                        directShare == null ? null : target - directShare),
                channels,
                new KpiSummary.Share(digital, ratio(digital, received)),
                tiers,
                new KpiSummary.Share(transferred, ratio(transferred, received)),
                new KpiSummary.Callbacks(callbacks, ratio(callbacks, received), openCallbacksPastDue),
                compliance,
                new KpiSummary.TimeToSettle(histogramTotal, SettleTimeBuckets.quantileMinutes(histogram, 0.5),
                        SettleTimeBuckets.quantileMinutes(histogram, 0.9)),
                new KpiSummary.Definitions(KpiDefinitions.VERSION, KpiDefinitions.ALL));
    }

    public static KpiSeries series(MetricsQuery query, String bucket, Map<LocalDate, Map<String, long[]>> buckets,
            double target) {
        List<KpiSeries.Point> points = new ArrayList<>();
        buckets.forEach((start, byChannel) -> {
            long[] t = sum(byChannel);
            long received = t[Counter.RECEIVED.ordinal()];
            long digital = 0;
            for (Channel channel : Channel.DIGITAL) {
                long[] c = byChannel.get(channel.name());
                digital += c == null ? 0 : c[Counter.RECEIVED.ordinal()];
            }
            points.add(new KpiSeries.Point(start, received, t[Counter.FIRST_CONTACTS.ordinal()],
                    t[Counter.DIRECTLY_HANDLED.ordinal()],
                    ratio(t[Counter.DIRECTLY_HANDLED.ordinal()], t[Counter.FIRST_CONTACTS.ordinal()]),
                    ratio(digital, received),
                    ratio(t[Counter.SETTLED_SAME_DAY.ordinal()], received),
                    ratio(t[Counter.TRANSFERRED.ordinal()], received),
                    ratio(t[Counter.CALLBACK_REQUESTED.ordinal()], received),
                    t[Counter.SETTLED.ordinal()]));
        });
        return new KpiSeries(KpiDefinitions.VERSION, bucket, filters(query), target, points);
    }

    public static long[] sum(Map<String, long[]> rows) {
        long[] total = new long[Counter.SIZE];
        rows.values().forEach(v -> {
            for (int i = 0; i < Counter.SIZE; i++) {
                total[i] += v[i];
            }
        });
        return total;
    }

    public static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static KpiSummary.TierFigures tier(Tier tier, long count, long settled) {
        return new KpiSummary.TierFigures(tier.name(), count, ratio(count, settled));
    }

    private static KpiSummary.Filters filters(MetricsQuery query) {
        return new KpiSummary.Filters(query.from(), query.to(), query.municipality(), query.municipalities(),
                query.channel(), query.team());
    }
}
