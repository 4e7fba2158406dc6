package nl.loket.workspace.client;

/** metrics-service's KPI summary, the figures the team lead view shows. */
public final class MetricsModels {

    private MetricsModels() {
    }

    public record KpiSummary(long received, long firstContacts, DirectHandling directHandling) {
    }

    public record DirectHandling(long directlyHandled, long firstContacts, Double share, double target) {
    }
}
