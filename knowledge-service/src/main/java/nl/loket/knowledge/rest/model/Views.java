package nl.loket.knowledge.rest.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.Tier;
import nl.loket.knowledge.search.SearchHit;

/** API response models (never entities). */
public final class Views {

    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamView(String id, String name, Tier tier, List<String> organisations, List<String> channels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductView(String id, String uri, String name, String kind, String legalBasis, List<String> keywords,
            String teamId, HandlingTerm handlingTerm, String mappingRule) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryView(String id, String parentId, String name, String description, List<String> keywords,
            String teamId, HandlingTerm handlingTerm, String mappingRule) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArticleView(String id, String question, String answer, List<String> productUris,
            List<String> subjects, String source, LocalDate validFrom, LocalDate validUntil) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseStatusView(String reference, String municipality, String productUri, String teamId,
            String status, String statusText, LocalDate expectedDecisionDate, Instant changedAt) {
    }

    public record SearchResult(String query, int count, List<SearchHit> hits) {
    }
}
