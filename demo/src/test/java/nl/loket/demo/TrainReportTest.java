package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class TrainReportTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsRoutingsTrainingReport() throws Exception {
        TrainReport report = TrainReport.of(json.readTree("""
                { "version": 4, "promoted": true, "liveVersion": 4, "previousLiveVersion": 3, "seed": 20261130,
                  "knowledgeExamples": 700, "outcomeExamples": 1200, "holdout": 240,
                  "candidateAccuracy": 0.93, "liveAccuracy": 0.88, "note": "beter dan v3" }"""));

        assertThat(report.version()).isEqualTo(4);
        assertThat(report.promoted()).isTrue();
        assertThat(report.liveAfter()).isEqualTo(4);
        assertThat(report.outcomeExamples()).isEqualTo(1200);
        assertThat(report.summary()).isEqualTo("promoted v4 (93.0% vs live 88.0%)");
    }

    @Test
    void theFirstModelHasNothingToBeatAndAKeptCandidateLeavesTheLiveOne() throws Exception {
        TrainReport first = TrainReport.of(json.readTree("""
                { "version": 1, "promoted": true, "liveVersion": 1, "candidateAccuracy": 0.8, "liveAccuracy": null }"""));
        TrainReport kept = TrainReport.of(json.readTree("""
                { "version": 5, "promoted": false, "liveVersion": 4, "previousLiveVersion": 4,
                  "candidateAccuracy": 0.86, "liveAccuracy": 0.9 }"""));

        assertThat(first.liveAccuracy()).isNull();
        assertThat(first.summary()).isEqualTo("promoted v1 (80.0%, no model live)");
        assertThat(kept.liveAfter()).isEqualTo(4);
        assertThat(kept.summary()).isEqualTo("kept v4 (candidate v5 86.0% vs live 90.0%)");
    }
}
