package nl.loket.metrics.domain;

import java.time.LocalDate;
import java.util.List;

/** The headline KPIs per day, week or month of receipt: the body of {@code GET /api/v1/metrics/timeseries}. */
public record KpiSeries(int definitionsVersion, String bucket, KpiSummary.Filters filters, double target,
        List<Point> points) {

    /** One bucket, named by its first day (weeks start on Monday). */
    public record Point(LocalDate start, long received, long firstContacts, long directlyHandled, Double directShare,
            Double digitalShare, Double sameDayShare, Double transferRate, Double callbackRate, long settled) {
    }
}
