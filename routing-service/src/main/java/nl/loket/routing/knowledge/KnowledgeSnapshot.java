package nl.loket.routing.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.contracts.events.Tier;
import nl.loket.routing.domain.Match;
import nl.loket.routing.text.DutchText;
import nl.loket.routing.text.IntentDetector;

/**
 * An immutable view of the knowledge at one moment, with a BM25 index (Lucene, in memory) over product names and
 * keywords, category names and descriptions, and article questions. Case statuses are looked up live.
 */
public final class KnowledgeSnapshot {


    private final Map<String, TeamChanged> teams;
    private final Map<String, ProductChanged> products;
    private final Map<String, CategoryChanged> categories;
    private final Map<String, ArticleChanged> articles;
    private final Map<String, CaseStatusChanged> cases;
    /** Looked up live, like the case statuses: the reader lists the topics every few seconds. */
    private final java.util.function.Predicate<String> teamTopicExists;
    private final DutchText text;
    private final Bm25Index index;
    private final List<Match> docs;
    private final IntentDetector intents;
    /** Cue topics (a handful of words) analysed once, not per query. */
    private final Map<String, List<String>> analysedTopics = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whether a word is a knowledge word (explanations), per word: Lucene's analysis is the costly part. */
    private final Map<String, Boolean> knowledgeWords = new java.util.concurrent.ConcurrentHashMap<>();

    KnowledgeSnapshot(Map<String, TeamChanged> teams, Map<String, ProductChanged> products,
            Map<String, CategoryChanged> categories, Map<String, ArticleChanged> articles,
            Map<String, CaseStatusChanged> cases, Set<String> baseCompoundParts,
            java.util.function.Predicate<String> teamTopicExists) {
        this.teamTopicExists = teamTopicExists;
        this.teams = inKeyOrder(teams);
        this.products = inKeyOrder(products);
        this.categories = inKeyOrder(categories);
        this.articles = inKeyOrder(articles);
        this.cases = cases;
        this.text = new DutchText(compoundParts(baseCompoundParts));
        this.docs = new ArrayList<>();
        this.index = index();
        this.intents = new IntentDetector(text);
    }

    /**
     * An immutable copy that iterates in key order. Not Map.copyOf: its iteration order changes with every JVM
     * start, and iteration order breaks ties (equal BM25 scores, two products with the same name), so the same
     * contact could be routed differently after a restart.
     */
    private static <T> Map<String, T> inKeyOrder(Map<String, T> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(new java.util.TreeMap<>(map)));
    }

    public IntentDetector intents() {
        return intents;
    }

    public DutchText text() {
        return text;
    }

    public Optional<TeamChanged> team(String id) {
        return Optional.ofNullable(id).map(teams::get);
    }

    public boolean knowsTeam(String id) {
        return id != null && (teams.containsKey(id) || (teams.isEmpty() && DefaultTeams.ALL.contains(id)));
    }

    /** Whether the team's own topic {@code team.<teamId>.contacts} exists on the broker. */
    public boolean hasTeamTopic(String teamId) {
        return teamTopicExists.test(teamId);
    }

    public Map<String, TeamChanged> teams() {
        return teams;
    }

    public Map<String, ProductChanged> products() {
        return products;
    }

    public Map<String, CategoryChanged> categories() {
        return categories;
    }

    public Map<String, ArticleChanged> articles() {
        return articles;
    }

    public boolean hasCaseStatuses() {
        return !cases.isEmpty();
    }

    public Optional<CaseStatusChanged> caseStatus(String reference) {
        return Optional.ofNullable(reference).map(String::trim).map(cases::get);
    }

    /** The first-line team: the team with tier FIRST_LINE, {@code kcc} when there are several or none. */
    public String firstLineTeam() {
        if (teams.containsKey(DefaultTeams.KCC) || teams.isEmpty()) {
            return DefaultTeams.KCC;
        }
        return teams.values().stream().filter(t -> t.tier() == Tier.FIRST_LINE).map(TeamChanged::id)
                .sorted().findFirst().orElse(DefaultTeams.KCC);
    }

    public Tier tierOf(String teamId) {
        TeamChanged team = teams.get(teamId);
        if (team != null && team.tier() != null) {
            return team.tier();
        }
        if (DefaultTeams.CHAIN_TEAMS.contains(teamId)) {
            return Tier.CHAIN_TEAM;
        }
        if (DefaultTeams.BACK_OFFICES.contains(teamId)) {
            return Tier.BACK_OFFICE;
        }
        return Tier.FIRST_LINE;
    }

    public String teamName(String teamId) {
        TeamChanged team = teams.get(teamId);
        return team != null && team.name() != null ? team.name() : teamId;
    }

    /** The team that handles case-specific contacts about an article: the team of its first linked product. */
    public String teamOfArticle(ArticleChanged article) {
        if (article.productUris() == null) {
            return null;
        }
        return article.productUris().stream().map(products::get).filter(p -> p != null && p.teamId() != null)
                .map(ProductChanged::teamId).findFirst().orElse(null);
    }

    /**
     * Whether a citizen's word is a word of the knowledge itself (its analysed form occurs in a product, category or
     * article): only such words are named when the model explains a decision, so a name or address never is.
     */
    public boolean isKnowledgeWord(String word) {
        Boolean known = knowledgeWords.get(word);
        if (known == null) {
            List<String> tokens = text.searchTokens(word);
            known = !tokens.isEmpty() && tokens.stream().allMatch(index::hasTerm);
            if (knowledgeWords.size() > 50_000) {
                knowledgeWords.clear(); // bounded: citizens' words are many
            }
            knowledgeWords.put(word, known);
        }
        return known;
    }

    /** The best knowledge items for analysed search tokens, best first (BM25). */
    public List<Match> search(List<String> tokens, int limit) {
        return search(tokens, List.of(), limit);
    }

    /** As {@link #search(List, int)}, with the analysed {@code topics} weighing double. */
    public List<Match> search(List<String> tokens, List<String> topics, int limit) {
        if (tokens.isEmpty() || docs.isEmpty()) {
            return List.of();
        }
        Set<String> boosted = new LinkedHashSet<>();
        topics.forEach(t -> boosted.addAll(analysedTopics.computeIfAbsent(t, text::searchTokens)));
        List<Match> matches = new ArrayList<>(limit);
        for (Bm25Index.Scored<Match> hit : index.search(tokens, boosted, limit, docs::get)) {
            Match doc = hit.doc();
            matches.add(new Match(doc.kind(), doc.id(), doc.label(), doc.teamId(), hit.score()));
        }
        return matches;
    }

    private Set<String> compoundParts(Set<String> base) {
        Set<String> parts = new LinkedHashSet<>(base);
        products.values().forEach(p -> {
            addWords(parts, p.name());
            if (p.keywords() != null) {
                p.keywords().forEach(k -> addWords(parts, k));
            }
        });
        categories.values().forEach(c -> {
            addWords(parts, c.name());
            if (c.keywords() != null) {
                c.keywords().forEach(k -> addWords(parts, k));
            }
        });
        return parts;
    }

    private static void addWords(Set<String> parts, String text) {
        if (text == null) {
            return;
        }
        for (String word : text.toLowerCase().split("[^\\p{L}]+")) {
            if (word.length() >= 4 && word.length() <= 16) {
                parts.add(word);
            }
        }
    }

    /** Documents in key order (see {@link #inKeyOrder}): the order of equally scored documents decides ties. */
    private Bm25Index index() {
        List<List<String>> documents = new ArrayList<>();
        for (ProductChanged p : products.values()) {
            docs.add(new Match(Match.Kind.PRODUCT, p.uri(), p.name(), p.teamId(), 0));
            documents.add(text.searchTokens(join(p.name(), p.name(),
                    p.keywords() == null ? null : String.join(". ", p.keywords()))));
        }
        for (CategoryChanged c : categories.values()) {
            CategoryChanged parent = c.parentId() == null ? null : categories.get(c.parentId());
            docs.add(new Match(Match.Kind.CATEGORY, c.id(), c.name(), c.teamId(), 0));
            documents.add(text.searchTokens(join(c.name(), c.name(), c.description(),
                    c.keywords() == null ? null : String.join(". ", c.keywords()), parent == null ? null : parent.name())));
        }
        for (ArticleChanged a : articles.values()) {
            docs.add(new Match(Match.Kind.ARTICLE, a.id(), a.question(), teamOfArticle(a), 0));
            documents.add(text.searchTokens(join(a.question(),
                    a.subjects() == null ? null : String.join(". ", a.subjects()))));
        }
        return new Bm25Index(documents);
    }

    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.append(part).append(". ");
            }
        }
        return joined.toString();
    }
}
