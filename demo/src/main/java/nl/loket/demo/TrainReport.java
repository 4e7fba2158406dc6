package nl.loket.demo;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * routing-service's answer to {@code POST /api/v1/routing/models/train}: the candidate model's version, whether it
 * became the live one, and the accuracies on the holdout that decided it ({@code liveAccuracy} null when no model was
 * live).
 */
public record TrainReport(int version, boolean promoted, Integer liveVersion, Integer previousLiveVersion,
        Double candidateAccuracy, Double liveAccuracy, long knowledgeExamples, long outcomeExamples, long holdout,
        String note) {

    public static TrainReport of(JsonNode report) {
        return new TrainReport(report.path("version").asInt(), report.path("promoted").asBoolean(),
                integer(report.path("liveVersion")), integer(report.path("previousLiveVersion")),
                decimal(report.path("candidateAccuracy")), decimal(report.path("liveAccuracy")),
                report.path("knowledgeExamples").asLong(), report.path("outcomeExamples").asLong(),
                report.path("holdout").asLong(), report.hasNonNull("note") ? report.get("note").asText() : null);
    }

    /** "promoted v4 (93.0% vs live 88.0%)", "kept v3 (candidate v4 85.1% vs live 88.0%)", "promoted v1 (91.2%, no model live)". */
    public String summary() {
        String against = liveAccuracy == null ? ", no model live" : " vs live " + pct(liveAccuracy);
        return promoted ? "promoted v" + version + " (" + pct(candidateAccuracy) + against + ")"
                : "kept " + (liveAfter() != null ? "v" + liveAfter() : "rules") + " (candidate v" + version + " "
                        + pct(candidateAccuracy) + against + ")";
    }

    /** The model live after this round: the promoted candidate, or the one that stayed. */
    public Integer liveAfter() {
        return liveVersion != null ? liveVersion : promoted ? Integer.valueOf(version) : previousLiveVersion;
    }

    static String pct(Double share) {
        return share == null || share.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? Integer.valueOf(node.asInt()) : null;
    }

    private static Double decimal(JsonNode node) {
        return node.isNumber() ? Double.valueOf(node.asDouble()) : null;
    }
}
