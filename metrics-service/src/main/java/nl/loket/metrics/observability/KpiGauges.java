package nl.loket.metrics.observability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.config.MetricsConfig;
import nl.loket.metrics.domain.Counter;
import nl.loket.metrics.domain.KpiCalculator;
import nl.loket.metrics.repository.RollupRepository;

/**
 * The headline KPIs as Prometheus gauges over a rolling window (default the last 30 days), per municipality and
 * channel. Cardinality is bounded: the largest municipalities (by contacts received) get a label value of their own,
 * the rest are summed under {@code other}; {@code all} is the total, and channel {@code all} sums the channels.
 */
@ApplicationScoped
public class KpiGauges {

    static final String OTHER = "other";
    static final String ALL = "all";

    private final RollupRepository rollups;
    private final MetricsConfig config;
    private final MultiGauge received;
    private final MultiGauge directShare;
    private final MultiGauge sameDayShare;
    private final MultiGauge digitalShare;
    private final MultiGauge transferRate;

    public KpiGauges(RollupRepository rollups, MetricsConfig config, MeterRegistry registry) {
        this.rollups = rollups;
        this.config = config;
        this.received = MultiGauge.builder("loket_metrics_contacts_received")
                .description("Contacts received in the window").register(registry);
        this.directShare = MultiGauge.builder("loket_metrics_direct_handling_share")
                .description("Directly handled first contacts / first contacts received in the window").register(registry);
        this.sameDayShare = MultiGauge.builder("loket_metrics_same_day_answered_share")
                .description("Contacts settled on the day of receipt / contacts received in the window").register(registry);
        this.digitalShare = MultiGauge.builder("loket_metrics_digital_share")
                .description("Contacts by web form, e-mail, chat or social media / all contacts received in the window")
                .register(registry);
        this.transferRate = MultiGauge.builder("loket_metrics_transfer_rate")
                .description("Contacts transferred at least once / contacts received in the window").register(registry);
        Gauge.builder("loket_metrics_direct_handling_target", config, MetricsConfig::directHandlingTarget)
                .description("Target of the direct-handling share").register(registry);
    }

    @Scheduled(every = "${loket.metrics.gauges.refresh-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        LocalDate to = LocalDate.now(ZoneId.of(config.zone()));
        LocalDate from = to.minusDays(config.gauges().windowDays() - 1L);
        return rollups.byMunicipalityAndChannel(from, to)
                .invoke(this::publish)
                .onFailure().invoke(e -> Log.warnf("Could not refresh the KPI gauges: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes the rows; municipality → channel → counters. */
    void publish(Map<String, Map<String, long[]>> rows) {
        Map<String, Map<String, long[]>> labelled = bounded(rows, config.gauges().maxMunicipalities());
        List<MultiGauge.Row<?>> receivedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> directRows = new ArrayList<>();
        List<MultiGauge.Row<?>> sameDayRows = new ArrayList<>();
        List<MultiGauge.Row<?>> digitalRows = new ArrayList<>();
        List<MultiGauge.Row<?>> transferRows = new ArrayList<>();
        labelled.forEach((municipality, byChannel) -> {
            Map<String, long[]> withAll = new TreeMap<>(byChannel);
            withAll.put(ALL, KpiCalculator.sum(byChannel));
            withAll.forEach((channel, v) -> {
                Tags tags = Tags.of("municipality", municipality, "channel", channel);
                receivedRows.add(MultiGauge.Row.of(tags, v[Counter.RECEIVED.ordinal()]));
                add(directRows, tags, v, c -> ratio(c, Counter.DIRECTLY_HANDLED, Counter.FIRST_CONTACTS));
                add(sameDayRows, tags, v, c -> ratio(c, Counter.SETTLED_SAME_DAY, Counter.RECEIVED));
                add(transferRows, tags, v, c -> ratio(c, Counter.TRANSFERRED, Counter.RECEIVED));
            });
            long all = withAll.get(ALL)[Counter.RECEIVED.ordinal()];
            long digital = byChannel.entrySet().stream()
                    .filter(e -> nl.loket.contracts.events.Channel.DIGITAL.stream().anyMatch(c -> c.name().equals(e.getKey())))
                    .mapToLong(e -> e.getValue()[Counter.RECEIVED.ordinal()]).sum();
            if (all > 0) {
                digitalRows.add(MultiGauge.Row.of(Tags.of("municipality", municipality, "channel", ALL), (double) digital / all));
            }
        });
        received.register(receivedRows, true);
        directShare.register(directRows, true);
        sameDayShare.register(sameDayRows, true);
        digitalShare.register(digitalRows, true);
        transferRate.register(transferRows, true);
    }

    /** The {@code max} municipalities with the most contacts received, the rest summed as "other", plus "all". */
    static Map<String, Map<String, long[]>> bounded(Map<String, Map<String, long[]>> rows, int max) {
        List<String> bySize = rows.keySet().stream()
                .sorted(Comparator.comparingLong((String m) -> -total(rows.get(m))).thenComparing(m -> m))
                .toList();
        Map<String, Map<String, long[]>> labelled = new LinkedHashMap<>();
        Map<String, long[]> other = new TreeMap<>();
        Map<String, long[]> all = new TreeMap<>();
        for (int i = 0; i < bySize.size(); i++) {
            String municipality = bySize.get(i);
            if (i < max) {
                labelled.put(municipality, rows.get(municipality));
            } else {
                rows.get(municipality).forEach((channel, v) -> merge(other, channel, v));
            }
            rows.get(municipality).forEach((channel, v) -> merge(all, channel, v));
        }
        if (!other.isEmpty()) {
            labelled.put(OTHER, other);
        }
        labelled.put(ALL, all);
        return labelled;
    }

    private static void merge(Map<String, long[]> into, String channel, long[] v) {
        long[] sum = into.computeIfAbsent(channel, c -> new long[Counter.SIZE]);
        for (int i = 0; i < Counter.SIZE; i++) {
            sum[i] += v[i];
        }
    }

    private static long total(Map<String, long[]> byChannel) {
        return byChannel.values().stream().mapToLong(v -> v[Counter.RECEIVED.ordinal()]).sum();
    }

    private static void add(List<MultiGauge.Row<?>> rows, Tags tags, long[] v, ToDoubleFunction<long[]> value) {
        double d = value.applyAsDouble(v);
        if (!Double.isNaN(d)) {
            rows.add(MultiGauge.Row.of(tags, d));
        }
    }

    private static double ratio(long[] v, Counter numerator, Counter denominator) {
        Double r = KpiCalculator.ratio(v[numerator.ordinal()], v[denominator.ordinal()]);
        return r == null ? Double.NaN : r;
    }
}
