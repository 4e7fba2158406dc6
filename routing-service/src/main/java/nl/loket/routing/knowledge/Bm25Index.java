package nl.loket.routing.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * BM25 over a small in-memory inverted index, scored exactly like Lucene's {@code BM25Similarity} (k1 = 1.2,
 * b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)), score = idf * tf / (tf + k1 * (1 - b + b * dl / avgdl))),
 * on tokens from the Lucene Dutch analysis chain. For the few hundred to few thousand knowledge items of a
 * municipality this is an order of magnitude cheaper per query than an IndexSearcher over a ByteBuffersDirectory
 * (per-query set-up of term enums and postings readers dominated the decision time), with the same ranking.
 */
final class Bm25Index {

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    /** Per term: the documents that contain it, how often, and its idf (one lookup per query term). */
    private final Map<String, Postings> postingsByTerm = new HashMap<>();

    /** Whether an analysed term occurs in any document. */
    public boolean hasTerm(String term) {
        return postingsByTerm.containsKey(term);
    }
    private final float[] lengthNorm;
    private final int size;

    /** @param documents each document's analysed tokens */
    Bm25Index(List<List<String>> documents) {
        size = documents.size();
        Map<String, List<int[]>> postings = new HashMap<>();
        long totalLength = 0;
        int[] lengths = new int[size];
        for (int doc = 0; doc < size; doc++) {
            List<String> tokens = documents.get(doc);
            lengths[doc] = tokens.size();
            totalLength += tokens.size();
            Map<String, Integer> tf = new HashMap<>();
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new int[] {doc, e.getValue()});
            }
        }
        float avgdl = size == 0 ? 1 : Math.max(1f, (float) totalLength / size);
        lengthNorm = new float[size];
        for (int doc = 0; doc < size; doc++) {
            lengthNorm[doc] = K1 * ((1 - B) + B * lengths[doc] / avgdl);
        }
        postings.forEach((term, list) -> {
            int[] ids = new int[list.size()];
            int[] tfs = new int[list.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = list.get(i)[0];
                tfs[i] = list.get(i)[1];
            }
            postingsByTerm.put(term, new Postings(ids, tfs,
                    (float) Math.log(1 + (size - ids.length + 0.5) / (ids.length + 0.5))));
        });
    }

    /** The best {@code limit} documents for the query tokens (each distinct token once), best first. */
    <T> List<Scored<T>> search(List<String> tokens, int limit, Function<Integer, T> doc) {
        return search(tokens, java.util.Set.of(), limit, doc);
    }

    /** As {@link #search(List, int, Function)}, with {@code boosted} terms weighing double. */
    <T> List<Scored<T>> search(List<String> tokens, java.util.Set<String> boosted, int limit, Function<Integer, T> doc) {
        float[] scores = null;
        // the documents scored so far: ranking visits these, not the whole index
        int[] touched = null;
        int touchedCount = 0;
        LinkedHashSet<String> terms = new LinkedHashSet<>(tokens);
        terms.addAll(boosted);
        for (String term : terms) {
            Postings postings = postingsByTerm.get(term);
            if (postings == null) {
                continue;
            }
            if (scores == null) {
                scores = new float[size];
                touched = new int[size];
            }
            int[] ids = postings.docIds();
            int[] tfs = postings.freqs();
            float weight = postings.idf() * (boosted.contains(term) ? 2f : 1f);
            for (int i = 0; i < ids.length; i++) {
                float tf = tfs[i];
                int d = ids[i];
                if (scores[d] == 0) {
                    touched[touchedCount++] = d;
                }
                scores[d] += weight * tf / (tf + lengthNorm[d]);
            }
        }
        if (scores == null) {
            return List.of();
        }
        // documents in index order, as a full scan would visit them: equal scores keep the same order
        Arrays.sort(touched, 0, touchedCount);
        int[] best = new int[limit];
        Arrays.fill(best, -1);
        for (int t = 0; t < touchedCount; t++) {
            int d = touched[t];
            if (scores[d] <= 0) {
                continue;
            }
            int pos = limit - 1;
            if (best[pos] >= 0 && scores[best[pos]] >= scores[d]) {
                continue;
            }
            while (pos > 0 && (best[pos - 1] < 0 || scores[best[pos - 1]] < scores[d])) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = d;
        }
        List<Scored<T>> result = new ArrayList<>(limit);
        for (int d : best) {
            if (d >= 0) {
                result.add(new Scored<>(doc.apply(d), scores[d]));
            }
        }
        return result;
    }

    record Scored<T>(T doc, float score) {
    }

    private record Postings(int[] docIds, int[] freqs, float idf) {
    }
}
