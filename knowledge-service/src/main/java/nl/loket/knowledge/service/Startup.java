package nl.loket.knowledge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.knowledge.config.KnowledgeConfig;

/** On start: seed an empty database (once), then build the search index from the database. */
@ApplicationScoped
public class Startup {

    private final SeedService seed;
    private final SearchService search;
    private final KnowledgeConfig config;

    public Startup(SeedService seed, SearchService search, KnowledgeConfig config) {
        this.seed = seed;
        this.search = search;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.seedOnStart()) {
            VertxContextSupport.subscribeAndAwait(seed::seedIfEmpty);
        }
        int size = VertxContextSupport.subscribeAndAwait(search::rebuildFromDatabase);
        Log.infof("knowledge-service ready: %d searchable documents", size);
    }
}
