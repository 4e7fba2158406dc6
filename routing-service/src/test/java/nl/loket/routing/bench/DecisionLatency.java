package nl.loket.routing.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.KnowledgeFixture;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.model.KnowledgeExamples;
import nl.loket.routing.model.ModelTrainer;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.model.TextFeatures;
import nl.loket.routing.model.TrainingExample;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/**
 * Decision latency, one decision at a time, rules alone vs rules + trained model (issue #16: p99 < 5 ms with the
 * model). The engine on the fixture knowledge, the dev and probe texts round robin; a model trained as a fresh
 * platform trains it (the knowledge and the example contacts) plus the dev and probe texts as settled contacts.
 * Prints a table and, last, one JSON line. Run by {@code routing-service/bench/decision-latency.sh [decisions]}.
 */
public final class DecisionLatency {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<RoutingEvaluator.Row> rows = new ArrayList<>(RoutingEvaluator.read(Path.of("src/test/resources/eval/dev-set.csv")));
        rows.addAll(RoutingEvaluator.read(Path.of("src/test/resources/eval/probe-set.csv")));
        KnowledgeSnapshot k = KnowledgeFixture.view().snapshot();
        var policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(k));
        examples.addAll(nl.loket.routing.model.ExampleContacts.of(k));
        for (int i = 0; i < rows.size(); i++) {
            examples.add(new TrainingExample("outcome:" + i, rows.get(i).text(), rows.get(i).expected(), 1.0));
        }
        long t0 = System.nanoTime();
        TeamModel model = new ModelTrainer(new TextFeatures(k.text())).train(1, examples, 20261130L);
        long trainMs = (System.nanoTime() - t0) / 1_000_000;
        RoutingEngine engine = new RoutingEngine();
        List<ContactFacts> contacts = rows.stream().map(r -> new ContactFacts("x", "GM0363", Channel.valueOf(r.channel()),
                Instant.now(), null, r.text(), "nl", null, null, null, null, null)).toList();
        // warm-up of both paths (JIT), then measured runs, alternating so both see the same machine state
        measure(engine, contacts, policy, k, null, n / 2);
        measure(engine, contacts, policy, k, model, n / 2);
        long[] rules = measure(engine, contacts, policy, k, null, n);
        long[] withModel = measure(engine, contacts, policy, k, model, n);
        long[] modelAlways = new long[n];
        for (int i = 0; i < n; i++) {
            ContactFacts c = contacts.get(i % contacts.size());
            long start = System.nanoTime();
            engine.decide(c, policy, k, Set.of(), model);
            model.predict(c.fullText(), null, k::isKnowledgeWord);
            modelAlways[i] = System.nanoTime() - start;
        }
        Arrays.sort(modelAlways);
        System.out.printf("decision latency, %d decisions each, %d distinct texts, %d knowledge items; model: %d "
                + "examples, %d features, trained in %d ms%n", n, contacts.size(), k.products().size()
                + k.categories().size() + k.articles().size(), examples.size(), model.featureCount(), trainMs);
        System.out.println("| path | p50 µs | p99 µs | p99.9 µs | max µs |");
        System.out.println("|---|---|---|---|---|");
        row("rules alone", rules);
        row("rules + model (as routed: asked when its rule is reached)", withModel);
        row("rules + model asked for every contact (worst case, as the preview)", modelAlways);
        System.out.printf("{\"decisions\":%d,\"rules_p50_us\":%.1f,\"rules_p99_us\":%.1f,\"model_p50_us\":%.1f,"
                + "\"model_p99_us\":%.1f,\"model_p999_us\":%.1f,\"model_always_p99_us\":%.1f,\"target_p99_ms\":5}%n", n,
                pct(rules, 50), pct(rules, 99), pct(withModel, 50), pct(withModel, 99), pct(withModel, 99.9),
                pct(modelAlways, 99));
    }

    private static long[] measure(RoutingEngine engine, List<ContactFacts> contacts,
            nl.loket.routing.domain.Policy policy, KnowledgeSnapshot k, TeamModel model, int n) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            ContactFacts c = contacts.get(i % contacts.size());
            long start = System.nanoTime();
            engine.decide(c, policy, k, Set.of(), model);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void row(String name, long[] sorted) {
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, pct(sorted, 50), pct(sorted, 99),
                pct(sorted, 99.9), sorted[sorted.length - 1] / 1e3);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e3;
    }
}
