package nl.loket.routing.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;

/**
 * routing-service's own view of teams, products, categories, articles and case statuses, rebuilt from the
 * compacted knowledge topics (see {@code KnowledgeTopicsReader}). A change marks the view dirty; the next decision
 * takes a fresh snapshot (and BM25 index), so decisions follow knowledge changes while the service runs.
 */
@ApplicationScoped
public class KnowledgeView {

    private final Map<String, TeamChanged> teams = new ConcurrentHashMap<>();
    private final Map<String, ProductChanged> products = new ConcurrentHashMap<>();
    private final Map<String, CategoryChanged> categories = new ConcurrentHashMap<>();
    private final Map<String, ArticleChanged> articles = new ConcurrentHashMap<>();
    private final Map<String, CaseStatusChanged> cases = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Set<String> compoundParts = loadCompoundParts();

    private volatile KnowledgeSnapshot snapshot;
    private volatile long snapshotAt = -1;

    public void putTeam(String id, TeamChanged team) {
        put(teams, id, team);
    }

    public void putProduct(String uri, ProductChanged product) {
        put(products, uri, product);
    }

    public void putCategory(String id, CategoryChanged category) {
        put(categories, id, category);
    }

    public void putArticle(String id, ArticleChanged article) {
        put(articles, id, article);
    }

    /** Case statuses do not change the index: no new snapshot needed. */
    public void putCase(String reference, CaseStatusChanged status) {
        if (status == null) {
            cases.remove(reference);
        } else {
            cases.put(reference, status);
        }
    }

    private <T> void put(Map<String, T> map, String key, T value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
        changes.incrementAndGet();
    }

    /** The current knowledge; rebuilt (index included) when it changed since the last call. */
    public KnowledgeSnapshot snapshot() {
        long now = changes.get();
        KnowledgeSnapshot current = snapshot;
        if (current != null && snapshotAt == now) {
            return current;
        }
        synchronized (this) {
            now = changes.get();
            if (snapshot == null || snapshotAt != now) {
                snapshot = new KnowledgeSnapshot(teams, products, categories, articles, cases, compoundParts);
                snapshotAt = now;
            }
            return snapshot;
        }
    }

    /** Completes once the view has read every knowledge topic up to its end at start-up. */
    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    public void markCaughtUp() {
        caughtUp.complete(null);
    }

    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    public Map<String, Integer> sizes() {
        return Map.of("teams", teams.size(), "products", products.size(), "categories", categories.size(),
                "articles", articles.size(), "cases", cases.size());
    }

    private static Set<String> loadCompoundParts() {
        Set<String> parts = new LinkedHashSet<>();
        try (InputStream in = KnowledgeView.class.getClassLoader().getResourceAsStream("text/compound-parts.txt")) {
            if (in == null) {
                return parts;
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(parts::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }
}
