package nl.loket.routing.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

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

    private static final String FIELD = "text";
    private static final int MAX_QUERY_TERMS = 256;

    private final Map<String, TeamChanged> teams;
    private final Map<String, ProductChanged> products;
    private final Map<String, CategoryChanged> categories;
    private final Map<String, ArticleChanged> articles;
    private final Map<String, CaseStatusChanged> cases;
    private final DutchText text;
    private final IndexSearcher searcher;
    private final List<Match> docs;
    private final IntentDetector intents;

    KnowledgeSnapshot(Map<String, TeamChanged> teams, Map<String, ProductChanged> products,
            Map<String, CategoryChanged> categories, Map<String, ArticleChanged> articles,
            Map<String, CaseStatusChanged> cases, Set<String> baseCompoundParts) {
        this.teams = Map.copyOf(teams);
        this.products = Map.copyOf(products);
        this.categories = Map.copyOf(categories);
        this.articles = Map.copyOf(articles);
        this.cases = cases;
        this.text = new DutchText(compoundParts(baseCompoundParts));
        this.docs = new ArrayList<>();
        this.searcher = index();
        this.intents = new IntentDetector(text);
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

    /** The best knowledge items for analysed search tokens, best first. */
    public List<Match> search(List<String> tokens, int limit) {
        Set<String> distinct = new LinkedHashSet<>(tokens);
        if (distinct.isEmpty() || docs.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        distinct.stream().limit(MAX_QUERY_TERMS)
                .forEach(t -> query.add(new TermQuery(new Term(FIELD, t)), BooleanClause.Occur.SHOULD));
        try {
            ScoreDoc[] hits = searcher.search(query.build(), limit).scoreDocs;
            List<Match> matches = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                Match doc = docs.get(hit.doc);
                matches.add(new Match(doc.kind(), doc.id(), doc.label(), doc.teamId(), hit.score));
            }
            return matches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private IndexSearcher index() {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(text.searchAnalyzer()).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (ProductChanged p : products.values()) {
                add(writer, new Match(Match.Kind.PRODUCT, p.uri(), p.name(), p.teamId(), 0),
                        join(p.name(), p.name(), p.keywords() == null ? null : String.join(". ", p.keywords())));
            }
            for (CategoryChanged c : categories.values()) {
                CategoryChanged parent = c.parentId() == null ? null : categories.get(c.parentId());
                add(writer, new Match(Match.Kind.CATEGORY, c.id(), c.name(), c.teamId(), 0),
                        join(c.name(), c.name(), c.description(),
                                c.keywords() == null ? null : String.join(". ", c.keywords()),
                                parent == null ? null : parent.name()));
            }
            for (ArticleChanged a : articles.values()) {
                add(writer, new Match(Match.Kind.ARTICLE, a.id(), a.question(), teamOfArticle(a), 0),
                        join(a.question(), a.subjects() == null ? null : String.join(". ", a.subjects())));
            }
            writer.forceMerge(1);
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            searcher.setQueryCache(null); // every contact is a new query: caching only costs
            return searcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(IndexWriter writer, Match doc, String content) throws IOException {
        Document document = new Document();
        document.add(new TextField(FIELD, content, Field.Store.NO));
        writer.addDocument(document);
        docs.add(doc);
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
