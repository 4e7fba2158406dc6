package nl.loket.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory Lucene index over articles, products and categories (BM25). Plain Java, blocking: callers run it on a
 * worker thread. Changes update the index at once; the compound dictionary is derived from the vocabulary at each
 * full build. A change that brings new words marks the dictionary stale ({@link #rebuildIfStale()}, called
 * periodically by the service), and after {@link #REBUILD_AFTER_CHANGES} changes the index is rebuilt anyway.
 */
public class KnowledgeIndex implements AutoCloseable {

    public static final int REBUILD_AFTER_CHANGES = 200;
    /**
     * Exact-word fields (stemmed) and {@code parts}: all text once more, with compounds split, at a lower weight —
     * so a compound part helps ("gemeentebelasting" finds "belasting") without outranking whole-word matches
     * ("verlopen" must not pull in "traplopen").
     */
    private static final Map<String, Float> FIELDS = Map.of("title", 3.0f, "keywords", 2.0f, "body", 1.0f,
            "parts", 0.6f);
    private static final int SNIPPET_LENGTH = 240;
    /** Body with offsets in the postings: the highlighter reads them instead of analysing the text again. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }

    private final Map<String, SearchDoc> docs = new LinkedHashMap<>();
    private volatile State state;
    /** The generation replaced by the last build, closed at the next one. */
    private State retired;
    private int changesSinceBuild;
    /** Changes made while a resynchronisation reads the database (null when none runs); empty = deleted. */
    private volatile Map<String, Optional<SearchDoc>> changesDuringResync;

    private record State(Analyzer analyzer, ByteBuffersDirectory directory, IndexWriter writer,
            SearcherManager searchers, CharArraySet dictionary) {
    }

    /** A change brought words the compound dictionary does not know yet. */
    private volatile boolean dictionaryStale;

    public KnowledgeIndex() {
        rebuild(List.of());
    }

    /** Replaces the whole content (start-up, benchmarks). */
    public synchronized void rebuild(Collection<SearchDoc> all) {
        docs.clear();
        all.forEach(d -> docs.put(d.key(), d));
        build();
    }

    /**
     * Starts a resynchronisation from the database: changes made from now on are remembered, so that
     * {@link #finishResync} can lay them over a snapshot that was read before they happened.
     */
    public void beginResync() {
        // no lock: callers may be on an event loop; a change that already passed its check was committed before
        // the snapshot is read, so the snapshot holds it
        changesDuringResync = new ConcurrentHashMap<>();
    }

    /** Rebuilds from the snapshot, then re-applies the changes made since {@link #beginResync}. */
    public synchronized void finishResync(Collection<SearchDoc> snapshot) {
        Map<String, Optional<SearchDoc>> later = changesDuringResync == null ? Map.of() : changesDuringResync;
        changesDuringResync = null;
        docs.clear();
        snapshot.forEach(d -> docs.put(d.key(), d));
        later.forEach((key, doc) -> doc.ifPresentOrElse(d -> docs.put(key, d), () -> docs.remove(key)));
        build();
    }

    public synchronized void upsert(SearchDoc doc) {
        docs.put(doc.key(), doc);
        Map<String, Optional<SearchDoc>> recording = changesDuringResync;
        if (recording != null) {
            recording.put(doc.key(), Optional.of(doc));
        }
        try {
            CharArraySet words = dictionaryOf(List.of(doc));
            for (Object word : words) {
                if (!state.dictionary().contains((char[]) word)) {
                    dictionaryStale = true;
                    break;
                }
            }
            state.writer().updateDocument(new Term("key", doc.key()), toDocument(doc));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void delete(String type, String id) {
        String key = type + ":" + id;
        docs.remove(key);
        Map<String, Optional<SearchDoc>> recording = changesDuringResync;
        if (recording != null) {
            recording.put(key, Optional.empty());
        }
        try {
            state.writer().deleteDocuments(new Term("key", key));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return docs.size();
    }

    public int dictionarySize() {
        return state.dictionary().size();
    }

    public boolean dictionaryStale() {
        return dictionaryStale;
    }

    /** Rebuilds the index (and its compound dictionary) when a change brought new words; returns whether it did. */
    public synchronized boolean rebuildIfStale() {
        if (!dictionaryStale) {
            return false;
        }
        build();
        return true;
    }

    /** Ranked hits for a free-text Dutch query; empty for a query without searchable words. */
    public List<SearchHit> search(String text, int limit) {
        State current = state;
        Query query = buildQuery(current.analyzer(), text);
        if (query == null) {
            return List.of();
        }
        IndexSearcher searcher = null;
        try {
            searcher = current.searchers().acquire();
            TopDocs top = searcher.search(query, limit);
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, current.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                    .withMaxLength(20_000)
                    .build();
            String[] snippets = highlighter.highlight("body", query, top, 1);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document d = searcher.storedFields().document(sd.doc);
                String snippet = snippets[i] != null ? snippets[i] : lead(d.get("body"));
                hits.add(new SearchHit(d.get("type"), d.get("id"), d.get("title"), snippet, d.get("teamId"), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    current.searchers().release(searcher);
                } catch (IOException ignored) {
                    // in-memory index
                }
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (retired != null) {
            closeState(retired);
        }
        closeState(state);
    }

    private void changed() throws IOException {
        changesSinceBuild++;
        if (changesSinceBuild >= REBUILD_AFTER_CHANGES) {
            build();
        } else {
            state.searchers().maybeRefreshBlocking();
        }
    }

    private void build() {
        try {
            CharArraySet dictionary = dictionaryOf(docs.values());
            Analyzer analyzer = new PerFieldAnalyzerWrapper(DutchTextAnalyzer.withoutCompounds(),
                    Map.of("parts", new DutchTextAnalyzer(dictionary)));
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
            IndexWriter writer = new IndexWriter(directory, config);
            for (SearchDoc doc : docs.values()) {
                writer.addDocument(toDocument(doc));
            }
            writer.commit();
            SearcherManager searchers = new SearcherManager(writer, null);
            State previous = state;
            state = new State(analyzer, directory, writer, searchers, dictionary);
            changesSinceBuild = 0;
            dictionaryStale = false;
            // searches still running on the previous generation finish undisturbed; it is closed one build later
            if (retired != null) {
                closeState(retired);
            }
            retired = previous;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeState(State s) throws IOException {
        s.searchers().close();
        s.writer().close();
        s.directory().close();
    }

    /** Every word of the indexed text with at least {@link DutchTextAnalyzer#MIN_SUBWORD} letters. */
    static CharArraySet dictionaryOf(Collection<SearchDoc> all) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (Analyzer vocabulary = DutchTextAnalyzer.vocabularyAnalyzer()) {
            for (SearchDoc doc : all) {
                for (String text : new String[] {doc.title(), doc.keywords(), doc.body()}) {
                    if (text == null) {
                        continue;
                    }
                    try (TokenStream ts = vocabulary.tokenStream("v", text)) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            if (term.length() >= DutchTextAnalyzer.MIN_SUBWORD && isLetters(term)) {
                                words.add(term.toString());
                            }
                        }
                        ts.end();
                    }
                }
            }
        }
        return new CharArraySet(words, false);
    }

    private static boolean isLetters(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Query buildQuery(Analyzer analyzer, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Map<String, Boolean> seen = new HashMap<>();
            try (TokenStream ts = analyzer.tokenStream(field.getKey(), text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken() && clauses < 200) {
                    String t = term.toString();
                    if (seen.putIfAbsent(t, Boolean.TRUE) == null) {
                        query.add(new BoostQuery(new TermQuery(new Term(field.getKey(), t)), field.getValue()),
                                BooleanClause.Occur.SHOULD);
                        clauses++;
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return clauses == 0 ? null : query.build();
    }

    private static Document toDocument(SearchDoc doc) {
        Document d = new Document();
        d.add(new StringField("key", doc.key(), Field.Store.NO));
        d.add(new StoredField("type", doc.type()));
        d.add(new StoredField("id", doc.id()));
        if (doc.teamId() != null) {
            d.add(new StoredField("teamId", doc.teamId()));
        }
        d.add(new TextField("title", nullToEmpty(doc.title()), Field.Store.YES));
        d.add(new TextField("keywords", nullToEmpty(doc.keywords()), Field.Store.NO));
        d.add(new Field("body", nullToEmpty(doc.body()), BODY));
        d.add(new TextField("parts", nullToEmpty(doc.title()) + "\n" + nullToEmpty(doc.keywords()) + "\n"
                + nullToEmpty(doc.body()), Field.Store.NO));
        return d;
    }

    private static String lead(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        String cut = flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH) + " …";
        return cut.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
