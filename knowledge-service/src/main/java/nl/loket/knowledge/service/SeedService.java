package nl.loket.knowledge.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.domain.SeedRun;
import nl.loket.knowledge.domain.Team;
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.kit.outbox.OutboxEvent;
import nl.loket.kit.outbox.OutboxWriter;
import nl.loket.knowledge.repository.ArticleRepository;
import nl.loket.knowledge.repository.CategoryRepository;
import nl.loket.knowledge.repository.ProductRepository;
import nl.loket.knowledge.repository.SeedRunRepository;
import nl.loket.knowledge.repository.TeamRepository;
import nl.loket.knowledge.seed.SeedData;

/**
 * Loads the seed data once. The same transaction writes the full state to the outbox and the seed marker, so a
 * fresh database publishes everything exactly once and a restart with data publishes nothing.
 */
@ApplicationScoped
public class SeedService {

    private final SeedRunRepository seedRuns;
    private final TeamRepository teams;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ArticleRepository articles;
    private final OutboxWriter outbox;

    public SeedService(SeedRunRepository seedRuns, TeamRepository teams, ProductRepository products,
            CategoryRepository categories, ArticleRepository articles, OutboxWriter outbox) {
        this.seedRuns = seedRuns;
        this.teams = teams;
        this.products = products;
        this.categories = categories;
        this.articles = articles;
        this.outbox = outbox;
    }

    /** Seeds when no seed run is recorded yet; returns whether it did. */
    @WithTransaction
    public Uni<Boolean> seedIfEmpty() {
        return seedRuns.findById(SeedRun.ID).chain(run -> {
            if (run != null) {
                Log.infof("Seed data already loaded at %s; not seeding again", run.appliedAt);
                return Uni.createFrom().item(false);
            }
            Instant now = Instant.now();
            List<Team> seedTeams = SeedData.teams(now);
            List<Product> seedProducts = SeedData.products(now);
            List<Category> seedCategories = SeedData.categories(now);
            List<Article> seedArticles = SeedData.articles(now);
            SeedRun marker = new SeedRun();
            marker.id = SeedRun.ID;
            marker.appliedAt = now;
            marker.summary = String.format("%d teams, %d products, %d categories, %d articles", seedTeams.size(),
                    seedProducts.size(), seedCategories.size(), seedArticles.size());
            return teams.persist(seedTeams)
                    .chain(() -> products.persist(seedProducts))
                    .chain(() -> persistInOrder(seedCategories))
                    .chain(() -> articles.persist(seedArticles))
                    .chain(() -> writeAll(seedTeams.stream().map(KnowledgeEvents::changed).toList()))
                    .chain(() -> writeAll(seedProducts.stream().map(KnowledgeEvents::changed).toList()))
                    .chain(() -> writeAll(seedCategories.stream().map(KnowledgeEvents::changed).toList()))
                    .chain(() -> writeAll(seedArticles.stream().map(KnowledgeEvents::changed).toList()))
                    .chain(() -> seedRuns.persist(marker))
                    .invoke(() -> Log.infof("Seeded %s; the outbox relay publishes them", marker.summary))
                    .replaceWith(true);
        });
    }

    /** Parents before children: the foreign key is checked at flush, so flush after the main categories. */
    private Uni<Void> persistInOrder(List<Category> all) {
        List<Category> mains = all.stream().filter(c -> c.parentId == null).toList();
        List<Category> subs = all.stream().filter(c -> c.parentId != null).toList();
        return categories.persist(mains).chain(() -> categories.flush()).chain(() -> categories.persist(subs));
    }

    private Uni<Void> writeAll(List<OutboxEvent> events) {
        return outbox.addAll(events, Instant.now());
    }
}
