package nl.loket.metrics.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Settings of the KPIs, the API and the Prometheus gauges. */
@ConfigMapping(prefix = "loket.metrics")
public interface MetricsConfig {

    /** Target of the direct-handling share, e.g. 0.80. */
    double directHandlingTarget();

    /** Time zone of the calendar day of receipt, e.g. Europe/Amsterdam. */
    String zone();

    /** Period of the API when from/to are absent: the last N days up to today. */
    int defaultPeriodDays();

    /** Longest period one request may ask for, in days. */
    int maxPeriodDays();

    Gauges gauges();

    interface Gauges {

        /** Rolling window of the gauges, in days up to today. */
        int windowDays();

        /** Refresh interval (also used by the scheduler expression). */
        Duration refreshEvery();

        /** Municipalities with a label value of their own; the rest are "other". */
        int maxMunicipalities();
    }
}
