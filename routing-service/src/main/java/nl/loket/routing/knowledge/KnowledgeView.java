package nl.loket.routing.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * compacted knowledge topics (see {@code KnowledgeTopicsReader}), plus the team topics that exist on the broker.
 * A change marks the view dirty; the next decision takes a fresh snapshot (and BM25 index), so decisions follow
 * knowledge changes while the service runs.
 * <p>
 * Every (re)start of the reader calls {@link #rebuild()}: from then on the view is not caught up, and the records
 * read go into fresh content that replaces the old one only when the reader has caught up again
 * ({@link #markCaughtUp()}), so a snapshot never mixes the two and records deleted meanwhile do not linger.
 */
@ApplicationScoped
public class KnowledgeView {

    /** The five maps of one reading of the topics. */
    private static final class Content {
        final Map<String, TeamChanged> teams = new ConcurrentHashMap<>();
        final Map<String, ProductChanged> products = new ConcurrentHashMap<>();
        final Map<String, CategoryChanged> categories = new ConcurrentHashMap<>();
        final Map<String, ArticleChanged> articles = new ConcurrentHashMap<>();
        final Map<String, CaseStatusChanged> cases = new ConcurrentHashMap<>();
    }

    private final AtomicLong changes = new AtomicLong();
    private final Set<String> compoundParts = loadCompoundParts();

    private volatile Content live = new Content();
    /** The content being read after a (re)start of the reader; null once caught up. */
    private volatile Content building;
    private volatile CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    /** Team ids whose topic {@code team.<id>.contacts} exists; null until the reader has listed the topics. */
    private volatile Set<String> teamTopics;
    private volatile Instant lastPoll;

    private volatile KnowledgeSnapshot snapshot;
    private volatile long snapshotAt = -1;

    public void putTeam(String id, TeamChanged team) {
        put(target().teams, id, team);
    }

    public void putProduct(String uri, ProductChanged product) {
        put(target().products, uri, product);
    }

    public void putCategory(String id, CategoryChanged category) {
        put(target().categories, id, category);
    }

    public void putArticle(String id, ArticleChanged article) {
        put(target().articles, id, article);
    }

    /** Case statuses do not change the index: no new snapshot needed. */
    public void putCase(String reference, CaseStatusChanged status) {
        Map<String, CaseStatusChanged> cases = target().cases;
        if (status == null) {
            cases.remove(reference);
        } else {
            cases.put(reference, status);
        }
    }

    private Content target() {
        Content b = building;
        return b != null ? b : live;
    }

    private <T> void put(Map<String, T> map, String key, T value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
        changes.incrementAndGet();
    }

    /** The team ids whose team topic exists on the broker (as the reader listed them last). */
    public void teamTopics(Set<String> teamIds) {
        teamTopics = Set.copyOf(teamIds);
    }

    /**
     * Whether {@code team.<teamId>.contacts} exists. Before the reader listed the topics (a view built by hand, as in
     * plain unit tests) every team counts as provisioned; the service never decides before that listing.
     */
    public boolean hasTeamTopic(String teamId) {
        Set<String> topics = teamTopics;
        return topics == null || (teamId != null && topics.contains(teamId));
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
                Content c = live;
                snapshot = new KnowledgeSnapshot(c.teams, c.products, c.categories, c.articles, c.cases, compoundParts,
                        this::hasTeamTopic);
                snapshotAt = now;
            }
            return snapshot;
        }
    }

    /**
     * The reader (re)starts and reads every topic from the beginning: not caught up until {@link #markCaughtUp()};
     * what it reads goes into fresh content meanwhile.
     */
    public synchronized void rebuild() {
        building = new Content();
        if (caughtUp.isDone()) {
            caughtUp = new CompletableFuture<>();
        }
    }

    /**
     * Completes once the view has read every knowledge topic up to its end (at start-up, and again after every
     * restart of the reader). A new future after each {@link #rebuild()}.
     */
    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    /** The reader has read every topic up to the end it saw when it (re)started: the new content goes live. */
    public void markCaughtUp() {
        synchronized (this) {
            if (building != null) {
                live = building;
                building = null;
                changes.incrementAndGet();
            }
        }
        snapshot(); // build the index here (the reader's thread), not on an event-loop thread
        caughtUp.complete(null);
    }

    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    /** The reader polled the topics (or found none to poll). */
    public void markPolled() {
        lastPoll = Instant.now();
    }

    /** When the reader last polled; null if never. */
    public Instant lastPoll() {
        return lastPoll;
    }

    public Map<String, Integer> sizes() {
        Content c = live;
        Set<String> topics = teamTopics;
        return Map.of("teams", c.teams.size(), "products", c.products.size(), "categories", c.categories.size(),
                "articles", c.articles.size(), "cases", c.cases.size(), "teamTopics", topics == null ? 0 : topics.size());
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
