package nl.loket.routing.model;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import nl.loket.routing.text.DutchText;

/**
 * The features of a text for the team model: the Dutch analysis routing already has (stems, compound parts,
 * synonyms, without stop words), word bigrams, and character n-grams (3–5) of every word, for very short texts,
 * compounds and spelling variants the stemmer does not join. Stop words are left out: the knowledge's texts are
 * names and descriptions, so "het", "bij", "mijn" would teach the model only that long sentences are questions for
 * the first line (measured: short reports went to the first line more often with them).
 *
 * <p>Every feature name is hashed into one of {@value #BUCKETS} buckets (keyed FNV-1a): a stored model holds
 * bucket numbers and weights, never a citizen's words. The words behind the buckets of one text are kept only
 * while that text is decided, to explain the decision.
 */
public final class TextFeatures {

    public static final int BUCKETS = 1 << 18;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final DutchText text;
    private final Map<String, Boolean> contentWords = new java.util.concurrent.ConcurrentHashMap<>();

    public TextFeatures(DutchText text) {
        this.text = text;
    }

    /** A text's features: bucket name → value (L2-normalised), and per bucket the word it came from. */
    public record Extracted(String[] names, double[] values, Map<String, String> wordOf) {
        public boolean isEmpty() {
            return names.length == 0;
        }
    }

    public Extracted extract(String content) {
        Map<String, Double> counts = new LinkedHashMap<>();
        Map<String, String> wordOf = new LinkedHashMap<>();
        if (content != null && !content.isBlank()) {
            List<String> words = new ArrayList<>();
            var m = WORD.matcher(fold(content));
            while (m.find()) {
                words.add(m.group());
            }
            DutchText.Analysed analysed = text.analyse(content);
            List<String> search = analysed.searchTokens();
            for (int i = 0; i < search.size(); i++) {
                String word = original(search.get(i), words);
                add(counts, wordOf, "w:" + search.get(i), word, 1.0);
                if (i > 0) {
                    add(counts, wordOf, "b:" + search.get(i - 1) + "_" + search.get(i), word, 0.5);
                }
            }
            for (String word : words) {
                String w = "<" + word + ">";
                if (w.length() < 5 || !isContentWord(word)) {
                    continue; // stop words have no n-grams either
                }
                for (int n = 3; n <= 5; n++) {
                    for (int i = 0; i + n <= w.length(); i++) {
                        add(counts, wordOf, "c:" + w.substring(i, i + n), word, 0.25);
                    }
                }
            }
        }
        double norm = 0;
        for (double v : counts.values()) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        String[] names = new String[counts.size()];
        double[] values = new double[counts.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            names[i] = e.getKey();
            values[i++] = e.getValue() / norm;
        }
        return new Extracted(names, values, wordOf);
    }

    /** Not a stop word (cached per word: Lucene's analysis is the costly part). */
    private boolean isContentWord(String word) {
        Boolean content = contentWords.get(word);
        if (content == null) {
            content = !text.searchTokens(word).isEmpty();
            if (contentWords.size() > 50_000) {
                contentWords.clear(); // bounded: citizens' words are many
            }
            contentWords.put(word, content);
        }
        return content;
    }

    private static void add(Map<String, Double> counts, Map<String, String> wordOf, String feature, String word,
            double weight) {
        String bucket = bucket(feature);
        counts.merge(bucket, weight, Double::sum);
        wordOf.putIfAbsent(bucket, word);
    }

    /** The bucket of a feature name: 64-bit FNV-1a over its UTF-8 bytes, modulo {@link #BUCKETS}. */
    static String bucket(String feature) {
        long h = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return "f" + Long.toString(Math.floorMod(h, (long) BUCKETS), 36);
    }

    /** The bucket number of a feature name of {@link #bucket}; -1 for a name that is not one. */
    static int bucketOf(String name) {
        if (name.length() < 2 || name.length() > 5 || name.charAt(0) != 'f') {
            return -1;
        }
        try {
            int bucket = Integer.parseInt(name, 1, name.length(), 36);
            return bucket >= 0 && bucket < BUCKETS ? bucket : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The citizen's word behind a stem or compound part (for explanations): the first word that contains it. */
    private static String original(String token, List<String> words) {
        for (String w : words) {
            if (w.startsWith(token)) {
                return w;
            }
        }
        for (String w : words) {
            if (w.contains(token)) {
                return w;
            }
        }
        return null; // a synonym the citizen did not write: no word to name
    }
}
