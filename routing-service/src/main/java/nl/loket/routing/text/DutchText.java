package nl.loket.routing.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ProtectedTermFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Dutch text analysis, one chain for the knowledge index, the contact text and the intent cue phrases:
 * standard tokenizer, lower case, accent folding, compound splitting against a dictionary of known words
 * ("kapvergunning" also yields "kap" and "vergunning"), Dutch stop words (not for cue phrases, where "hoe" and
 * "mijn" matter), Snowball Dutch stemming ("bomen" and "boom" meet), except for the few words whose stem would
 * be another word ({@code text/stem-overrides.txt}: "gaat" is not "gat", a hole in the road).
 */
public final class DutchText {

    private final Analyzer search;
    private final Analyzer cues;
    private final java.util.Set<String> stemmedStopWords = new java.util.HashSet<>();
    /** Splitting and stemming work per word, so their result is kept per word (words repeat a lot). */
    private final java.util.Map<String, List<String>> perWord = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_WORDS = 100_000;
    private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = loadStemOverrides();
    /** The words of text/stem-overrides.txt are whole words: compound splitting leaves them alone too. */
    private static final CharArraySet UNSPLIT = unsplit();
    /** Synonyms (text/synonyms.txt) by the stem they expand, analysed with this instance's chain; immutable. */
    private final java.util.Map<String, List<String>> synonymsByStem;
    private final Analyzer words = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };

    /** @param compoundParts words that compounds are split into (lower case, unstemmed) */
    public DutchText(Collection<String> compoundParts) {
        CharArraySet dictionary = new CharArraySet(compoundParts, true);
        CharArraySet stopWords = DutchAnalyzer.getDefaultStopSet();
        this.search = new Chain(dictionary, stopWords);
        this.cues = new Chain(dictionary, null);
        for (Object word : stopWords) {
            List<String> stemmed = tokens(new Chain(new CharArraySet(0, true), null), new String((char[]) word));
            stemmedStopWords.addAll(stemmed);
        }
        this.synonymsByStem = loadSynonyms();
    }

    /**
     * Both token lists from one analysis pass: the cue tokens, and the search tokens (the cue tokens without the
     * stemmed Dutch stop words).
     */
    public Analysed analyse(String text) {
        Analysed plain = analysePlain(text);
        List<String> expanded = null;
        for (String t : plain.cueTokens()) {
            List<String> more = synonymsByStem.get(t);
            if (more != null) {
                if (expanded == null) {
                    expanded = new ArrayList<>(plain.searchTokens());
                }
                expanded.addAll(more);
            }
        }
        return expanded == null ? plain : new Analysed(plain.cueTokens(), expanded);
    }

    private Analysed analysePlain(String text) {
        List<String> cueTokens = new ArrayList<>();
        for (String word : tokens(words, text)) {
            List<String> analysed = perWord.get(word);
            if (analysed == null) {
                analysed = List.copyOf(tokens(cues, word));
                if (perWord.size() > MAX_CACHED_WORDS) {
                    perWord.clear();
                }
                perWord.put(word, analysed);
            }
            cueTokens.addAll(analysed);
        }
        List<String> searchTokens = new ArrayList<>(cueTokens.size());
        for (String t : cueTokens) {
            if (!stemmedStopWords.contains(t)) {
                searchTokens.add(t);
            }
        }
        return new Analysed(cueTokens, searchTokens);
    }

    private java.util.Map<String, List<String>> loadSynonyms() {
        java.util.Map<String, List<String>> map = new java.util.HashMap<>();
        for (String[] sides : rules("text/synonyms.txt")) {
            List<String> expansion = analysePlain(sides[1]).searchTokens();
            for (String word : sides[0].split(",")) {
                // the whole word only, not the parts compound splitting adds ("mantelzorger" is not "zorg")
                List<String> stems = analysePlain(word.trim()).cueTokens();
                if (!stems.isEmpty()) {
                    map.computeIfAbsent(stems.get(0), k -> new ArrayList<>()).addAll(expansion);
                }
            }
        }
        java.util.Map<String, List<String>> frozen = new java.util.HashMap<>();
        map.forEach((stem, expansion) -> frozen.put(stem, List.copyOf(expansion)));
        return java.util.Map.copyOf(frozen);
    }

    /** Words whose Snowball stem would be another word: {@code word => stem} per line. */
    private static StemmerOverrideFilter.StemmerOverrideMap loadStemOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(true);
        for (String[] sides : rules("text/stem-overrides.txt")) {
            builder.add(sides[0].trim(), sides[1].trim());
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharArraySet unsplit() {
        CharArraySet words = new CharArraySet(16, true);
        for (String[] sides : rules("text/stem-overrides.txt")) {
            words.add(sides[0].trim());
        }
        return CharArraySet.unmodifiableSet(words);
    }

    /** The {@code left => right} lines of a resource file (blank lines and {@code #} comments skipped; none if absent). */
    private static List<String[]> rules(String resource) {
        List<String[]> rules = new ArrayList<>();
        try (java.io.InputStream in = DutchText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return rules;
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=>")) {
                    rules.add(trimmed.split("=>", 2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    public record Analysed(List<String> cueTokens, List<String> searchTokens) {
    }

    /** Tokens for search: stop words removed, compounds split, stemmed. */
    public List<String> searchTokens(String text) {
        return tokens(search, text);
    }

    /** Tokens for intent cues: like {@link #searchTokens} but every word kept, in order. */
    public List<String> cueTokens(String text) {
        return tokens(cues, text);
    }

    public Analyzer searchAnalyzer() {
        return search;
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static final class Chain extends Analyzer {
        private final CharArraySet dictionary;
        private final CharArraySet stopWords;

        Chain(CharArraySet dictionary, CharArraySet stopWords) {
            this.dictionary = dictionary;
            this.stopWords = stopWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            if (stopWords != null) {
                stream = new StopFilter(stream, stopWords);
            }
            if (!dictionary.isEmpty()) {
                stream = new ProtectedTermFilter(UNSPLIT, stream,
                        in -> new DictionaryCompoundWordTokenFilter(in, dictionary, 7, 3, 20, false));
            }
            stream = new StemmerOverrideFilter(stream, STEM_OVERRIDES); // marks them: Snowball leaves them alone
            stream = new SnowballFilter(stream, new DutchStemmer());
            return new TokenStreamComponents(source, stream);
        }
    }
}
