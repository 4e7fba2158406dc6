package nl.loket.knowledge.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Search latency at the seeded size and with 10,000 generated articles added. Run by bench/search-bench.sh.
 * Measures the whole {@link KnowledgeIndex#search} call (query analysis, BM25 top-k, highlighting, stored fields),
 * single-threaded, after a warm-up.
 */
public final class SearchBenchmark {

    static final List<String> QUERIES = List.of("paspoort verlopen", "kapvergunning boom", "ratten in de tuin",
            "kwijtschelding gemeentebelasting", "bijstand aanvragen", "grofvuil ophalen", "verhuizing doorgeven",
            "woo-verzoek indienen", "parkeervergunning", "rijbewijs verlengen", "lantaarnpaal kapot",
            "geluidsoverlast buren", "bezwaar maken tegen aanslag", "schulden", "identiteitskaart kwijt",
            "evenementenvergunning buurtfeest", "hondenbelasting", "uittreksel brp", "bouwvergunning dakkapel",
            "stemmen bij volmacht");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int generated = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<SearchDoc> seed = SeededIndex.seedDocs();
        try (KnowledgeIndex index = new KnowledgeIndex()) {
            long t0 = System.nanoTime();
            index.rebuild(seed);
            report("seeded", index, (System.nanoTime() - t0) / 1e6, rounds);

            List<SearchDoc> all = new ArrayList<>(seed);
            all.addAll(generate(seed, generated));
            t0 = System.nanoTime();
            index.rebuild(all);
            report("seeded + " + generated + " generated articles", index, (System.nanoTime() - t0) / 1e6, rounds);
        }
    }

    private static void report(String label, KnowledgeIndex index, double buildMs, int rounds) {
        for (int i = 0; i < 30; i++) {
            QUERIES.forEach(q -> index.search(q, 10));
        }
        double[] ms = new double[rounds * QUERIES.size()];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                long t = System.nanoTime();
                index.search(q, 10);
                ms[n++] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%-40s docs=%6d build=%7.0f ms  searches=%d  p50=%6.2f ms  p95=%6.2f ms  p99=%6.2f ms  max=%6.2f ms%n",
                label, index.size(), buildMs, ms.length, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Articles made of the seed's own sentences and product names, so the vocabulary stays realistic Dutch. */
    static List<SearchDoc> generate(List<SearchDoc> seed, int count) {
        List<String> sentences = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (SearchDoc d : seed) {
            titles.add(d.title());
            for (String s : d.body().split("(?<=[.?!])\\s+")) {
                if (s.length() > 20) {
                    sentences.add(s.strip());
                }
            }
        }
        Random random = new Random(42);
        List<SearchDoc> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = "Vraag over " + titles.get(random.nextInt(titles.size())) + ": "
                    + titles.get(random.nextInt(titles.size()));
            StringBuilder body = new StringBuilder();
            int n = 4 + random.nextInt(8);
            for (int j = 0; j < n; j++) {
                body.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            out.add(new SearchDoc("ARTICLE", "gen-" + i, title, "", body.toString(), null));
        }
        return out;
    }
}
