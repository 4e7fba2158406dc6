package nl.loket.knowledge.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import nl.loket.kit.auth.Roles;
import nl.loket.knowledge.config.KnowledgeConfig;
import nl.loket.knowledge.rest.model.Views.SearchResult;
import nl.loket.knowledge.service.SearchService;

@Path("/api/v1/knowledge/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Dutch full-text search over articles, products and categories")
@RolesAllowed({ Roles.AGENT, Roles.EDITOR })
public class SearchResource {

    private final SearchService search;
    private final KnowledgeConfig config;

    public SearchResource(SearchService search, KnowledgeConfig config) {
        this.search = search;
        this.config = config;
    }

    /** Lucene blocks: this endpoint runs on a worker thread, never on the event loop. */
    @GET
    @Blocking
    @Operation(summary = "Ranked hits (BM25) with the matching snippet; Dutch stemming, stop words and compounds")
    public SearchResult search(@QueryParam("q") @NotBlank @Size(max = 500) String q,
            @QueryParam("limit") @Min(1) @Max(50) Integer limit) {
        int n = limit == null ? config.searchDefaultLimit() : Math.min(limit, config.searchMaxLimit());
        var hits = search.search(q, n);
        return new SearchResult(q, hits.size(), hits);
    }
}
