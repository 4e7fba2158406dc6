package nl.loket.knowledge.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.micrometer.core.annotation.Timed;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.repository.ArticleRepository;
import nl.loket.knowledge.repository.CategoryRepository;
import nl.loket.knowledge.repository.ProductRepository;
import nl.loket.knowledge.search.KnowledgeIndex;
import nl.loket.knowledge.search.SearchDoc;
import nl.loket.knowledge.search.SearchHit;

/**
 * The Lucene index of this instance. Lucene blocks, so every index operation runs on a worker thread, never on the
 * event loop. Changes reach the index after their transaction committed.
 */
@ApplicationScoped
public class SearchService {

    private final KnowledgeIndex index = new KnowledgeIndex();
    private final ArticleRepository articles;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private volatile boolean ready;

    public SearchService(ArticleRepository articles, ProductRepository products, CategoryRepository categories) {
        this.articles = articles;
        this.products = products;
        this.categories = categories;
    }

    /**
     * Loads everything from the database (on the event loop), then rebuilds the index on a worker thread. Changes
     * made while the database is read are laid over the snapshot, so none is lost.
     */
    public Uni<Integer> rebuildFromDatabase() {
        return Uni.createFrom().item(() -> {
            index.beginResync();
            return (Void) null;
        })
                .chain(() -> Panache.withSession(() -> {
                    List<SearchDoc> docs = new ArrayList<>();
                    Map<String, String> teamOfProduct = new HashMap<>();
                    return products.listAll()
                            .invoke(list -> list.forEach(p -> {
                                docs.add(KnowledgeMapper.toSearchDoc(p));
                                teamOfProduct.put(p.uri, p.teamId);
                            }))
                            .chain(() -> categories.listAll())
                            .invoke(list -> list.forEach(c -> docs.add(KnowledgeMapper.toSearchDoc(c))))
                            .chain(() -> articles.listAll())
                            .invoke(list -> list.forEach(a -> docs.add(KnowledgeMapper.toSearchDoc(a,
                                    a.productUris.stream().map(teamOfProduct::get).filter(t -> t != null)
                                            .findFirst().orElse(null)))))
                            .replaceWith(docs);
                }))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(docs -> {
                    index.finishResync(docs);
                    ready = true;
                    Log.infof("Search index built: %d documents, compound dictionary of %d words", index.size(),
                            index.dictionarySize());
                    return index.size();
                });
    }

    /**
     * Each replica keeps its own index and follows its own edits at once; this periodic resynchronisation brings in
     * the edits made through the other replicas.
     */
    @Scheduled(every = "${loket.knowledge.index-resync-interval}", delayed = "${loket.knowledge.index-resync-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resync() {
        return rebuildFromDatabase().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Search index resynchronisation failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Indexes an article with the team of its first linked product (what the first line sees in a hit). */
    public Uni<Void> upsertArticle(Article article) {
        Uni<String> team = article.productUris.isEmpty() ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> products.list("uri in ?1", article.productUris))
                        .map(found -> article.productUris.stream()
                                .map(uri -> found.stream().filter(p -> p.uri.equals(uri)).findFirst().orElse(null))
                                .filter(p -> p != null).map(p -> p.teamId).findFirst().orElse(null));
        return team.chain(teamId -> upsert(KnowledgeMapper.toSearchDoc(article, teamId)));
    }

    public Uni<Void> upsert(SearchDoc doc) {
        return Uni.createFrom().item(() -> {
            index.upsert(doc);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public Uni<Void> delete(String type, String id) {
        return Uni.createFrom().item(() -> {
            index.delete(type, id);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** New words from edits become compound parts: a full rebuild on a worker thread when the dictionary is stale. */
    @Scheduled(every = "${loket.knowledge.dictionary-refresh-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshDictionary() {
        if (ready && index.rebuildIfStale()) {
            Log.infof("Search index rebuilt for new vocabulary: %d documents, dictionary of %d words", index.size(),
                    index.dictionarySize());
        }
    }

    /** Blocking: call from a worker thread (the search endpoint is {@code @Blocking}). */
    @Timed(value = "loket.knowledge.search", description = "Full-text search latency", percentiles = {0.5, 0.95, 0.99})
    public List<SearchHit> search(String query, int limit) {
        return index.search(query, limit);
    }

    public boolean ready() {
        return ready;
    }

    public int size() {
        return index.size();
    }

    @PreDestroy
    void close() {
        try {
            index.close();
        } catch (Exception e) {
            Log.debug("Closing the search index failed", e);
        }
    }
}
