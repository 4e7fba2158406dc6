package nl.loket.workspace.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** knowledge-service's views, as far as the werkplek reads them. */
public final class KnowledgeModels {

    private KnowledgeModels() {
    }

    public record Team(String id, String name, String tier) {
    }

    public record Article(String id, String question, String answer, List<String> productUris, List<String> subjects,
            String source, LocalDate validFrom, LocalDate validUntil) {
    }

    public record CaseStatus(String reference, String municipality, String productUri, String teamId, String status,
            String statusText, LocalDate expectedDecisionDate, Instant changedAt) {
    }

    public record SearchHit(String type, String id, String title, String snippet, String teamId, float score) {
    }

    public record SearchResult(String query, int count, List<SearchHit> hits) {
    }
}
