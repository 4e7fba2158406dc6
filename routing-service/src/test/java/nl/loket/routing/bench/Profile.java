package nl.loket.routing.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.KnowledgeFixture;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/** Development aid: where the time of one decision goes. */
public final class Profile {
    public static void main(String[] args) throws Exception {
        List<String> texts = RoutingEvaluator.read(Path.of("src/test/resources/eval/dev-set.csv")).stream()
                .map(RoutingEvaluator.Row::text).toList();
        KnowledgeSnapshot k = KnowledgeFixture.view().snapshot();
        RoutingEngine engine = new RoutingEngine();
        var policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        for (int round = 0; round < 3; round++) {
            int n = 5000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) k.text().searchTokens(texts.get(i % texts.size()));
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) k.text().cueTokens(texts.get(i % texts.size()));
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) k.intents().detect(texts.get(i % texts.size()));
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) k.search(k.text().searchTokens(texts.get(i % texts.size())), 15);
            long t4 = System.nanoTime();
            for (int i = 0; i < n; i++) engine.decide(new ContactFacts("x", "GM0363", Channel.EMAIL, Instant.now(), null,
                    texts.get(i % texts.size()), "nl", null, null, null, null, null), policy, k, Set.of());
            long t5 = System.nanoTime();
            System.out.printf("per op us: searchTokens %.1f cueTokens %.1f intent %.1f search %.1f decide %.1f%n",
                    (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n, (t5 - t4) / 1e3 / n);
        }
    }
}
