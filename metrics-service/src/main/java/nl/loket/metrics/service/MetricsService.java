package nl.loket.metrics.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.config.MetricsConfig;
import nl.loket.metrics.domain.KpiCalculator;
import nl.loket.metrics.domain.KpiSeries;
import nl.loket.metrics.domain.KpiSummary;
import nl.loket.metrics.domain.MetricsQuery;
import nl.loket.metrics.repository.RollupRepository;

/** Reads the rollups and computes the KPIs. */
@ApplicationScoped
public class MetricsService {

    private final RollupRepository rollups;
    private final MetricsConfig config;

    public MetricsService(RollupRepository rollups, MetricsConfig config) {
        this.rollups = rollups;
        this.config = config;
    }

    @WithSession
    public Uni<KpiSummary> summary(MetricsQuery query) {
        Instant now = Instant.now();
        // one session runs one statement at a time: the four reads are chained, each is small
        return rollups.sumsByChannel(query).chain(byChannel -> rollups.complianceByTeam(query)
                .chain(byTeam -> rollups.histogram(query)
                        .chain(histogram -> rollups.openCallbacksPastDue(query, now)
                                .map(open -> KpiCalculator.summary(query, byChannel, byTeam, histogram, open,
                                        config.directHandlingTarget(), now)))));
    }

    @WithSession
    public Uni<KpiSeries> series(MetricsQuery query, String bucket) {
        return rollups.series(query, bucket)
                .map(buckets -> KpiCalculator.series(query, bucket, buckets, config.directHandlingTarget()));
    }

    /** The caller's municipalities (GM codes, sorted): the dashboard's filter offers only these. */
    public List<String> municipalities(Set<String> scope) {
        return List.copyOf(new java.util.TreeSet<>(scope));
    }
}
