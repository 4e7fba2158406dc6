package nl.loket.knowledge.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import nl.loket.knowledge.service.SearchService;

/** Ready once the search index has been built from the database. */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

    private final SearchService search;

    public SearchIndexReadiness(SearchService search) {
        this.search = search;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index").status(search.ready())
                .withData("documents", search.size()).build();
    }
}
