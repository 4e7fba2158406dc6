package nl.loket.routing.model;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
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

    /**
     * A text's features: per feature its bucket number, its value (L2-normalised) and the word it came from (null: a
     * synonym the citizen did not write), in the order they first occur.
     */
    public record Extracted(int[] buckets, double[] values, String[] words) {
        public boolean isEmpty() {
            return buckets.length == 0;
        }

        /** The buckets as the model's feature names ({@link #name}). */
        public String[] names() {
            String[] names = new String[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                names[i] = name(buckets[i]);
            }
            return names;
        }
    }

    public Extracted extract(String content) {
        Counts counts = new Counts();
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
                counts.add(bucket("w:" + search.get(i)), word, 1.0);
                if (i > 0) {
                    counts.add(bucket("b:" + search.get(i - 1) + "_" + search.get(i)), word, 0.5);
                }
            }
            for (String word : words) {
                String w = "<" + word + ">";
                if (w.length() < 5 || !isContentWord(word)) {
                    continue; // stop words have no n-grams either
                }
                for (int n = 3; n <= 5; n++) {
                    for (int i = 0; i + n <= w.length(); i++) {
                        counts.add(bucket("c:" + w.substring(i, i + n)), word, 0.25);
                    }
                }
            }
        }
        return counts.normalised();
    }

    /**
     * Feature counts by bucket in the order the buckets first occur (open addressing on the bucket number: a text
     * has a few hundred features at most, and no boxing, no string key per feature).
     */
    private static final class Counts {
        private int[] slots = new int[256]; // index + 1 into the arrays below; 0 = empty
        private int[] buckets = new int[128];
        private double[] values = new double[128];
        private String[] words = new String[128];
        private int size;

        void add(int bucket, String word, double weight) {
            int mask = slots.length - 1;
            for (int s = mix(bucket) & mask; ; s = (s + 1) & mask) {
                int at = slots[s] - 1;
                if (at < 0) {
                    if (size == buckets.length) {
                        buckets = java.util.Arrays.copyOf(buckets, size * 2);
                        values = java.util.Arrays.copyOf(values, size * 2);
                        words = java.util.Arrays.copyOf(words, size * 2);
                    }
                    buckets[size] = bucket;
                    values[size] = weight;
                    words[size] = word;
                    slots[s] = ++size;
                    if (size * 2 > slots.length) {
                        grow();
                    }
                    return;
                }
                if (buckets[at] == bucket) {
                    values[at] += weight;
                    if (words[at] == null) {
                        words[at] = word;
                    }
                    return;
                }
            }
        }

        private void grow() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                int s = mix(buckets[i]) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = i + 1;
            }
        }

        private static int mix(int bucket) {
            return bucket * 0x9E3779B9 >>> 7;
        }

        Extracted normalised() {
            double norm = 0;
            for (int i = 0; i < size; i++) {
                norm += values[i] * values[i];
            }
            norm = Math.sqrt(norm);
            double[] normalised = new double[size];
            for (int i = 0; i < size; i++) {
                normalised[i] = values[i] / norm;
            }
            return new Extracted(java.util.Arrays.copyOf(buckets, size), normalised,
                    java.util.Arrays.copyOf(words, size));
        }
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

    /** The bucket of a feature name: 64-bit FNV-1a over its UTF-8 bytes, modulo {@link #BUCKETS}. */
    static int bucket(String feature) {
        long h = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return (int) Math.floorMod(h, (long) BUCKETS);
    }

    /** A bucket's feature name in a model: {@code f} and its number in base 36. */
    static String name(int bucket) {
        return "f" + Integer.toString(bucket, 36);
    }

    /** The bucket number of a feature name of {@link #name}; -1 for a name that is not one. */
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
