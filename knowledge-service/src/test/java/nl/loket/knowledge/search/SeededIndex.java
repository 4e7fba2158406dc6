package nl.loket.knowledge.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.loket.knowledge.seed.SeedData;
import nl.loket.knowledge.service.KnowledgeMapper;

/** The index over the seed data, built without a database (for plain JUnit tests and the benchmark). */
public final class SeededIndex {

    private SeededIndex() {
    }

    public static List<SearchDoc> seedDocs() {
        Instant now = Instant.now();
        List<SearchDoc> docs = new ArrayList<>();
        java.util.Map<String, String> team = new java.util.HashMap<>();
        SeedData.products(now).forEach(p -> {
            docs.add(KnowledgeMapper.toSearchDoc(p));
            team.put(p.uri, p.teamId);
        });
        SeedData.categories(now).forEach(c -> docs.add(KnowledgeMapper.toSearchDoc(c)));
        SeedData.articles(now).forEach(a -> docs.add(KnowledgeMapper.toSearchDoc(a,
                a.productUris.isEmpty() ? null : team.get(a.productUris.get(0)))));
        return docs;
    }

    public static KnowledgeIndex build() {
        KnowledgeIndex index = new KnowledgeIndex();
        index.rebuild(seedDocs());
        return index;
    }
}
