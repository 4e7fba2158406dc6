package nl.loket.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.model.ExampleContacts;
import nl.loket.routing.model.KnowledgeExamples;
import nl.loket.routing.model.ModelTrainer;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.model.TextFeatures;
import nl.loket.routing.model.TrainingExample;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/**
 * Development aid: leave-one-set-out cross-validation of the example contacts. Each set (one provenance, written
 * separately from the others) is routed by a model trained on the knowledge and every other set — as a platform
 * would route a new writer's contacts — beside the first model version of the knowledge alone (the platform before
 * the example contacts). Prints one row per set and the total; on the knowledge fixture ({@code -Dknowledge.fixture}).
 */
public final class CrossValidate {

    public static void main(String[] args) {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        Policy policy = PolicyRegistry.loadAll().get(args.length > 0 ? args[0] : "chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        ModelTrainer trainer = new ModelTrainer(new TextFeatures(knowledge.text()));
        long seed = 20261130L;
        TeamModel knowledgeAlone = trainer.train(1, KnowledgeExamples.of(knowledge), seed);
        Map<String, List<RoutingEvaluator.Row>> sets = new TreeMap<>();
        ExampleContacts.rows().forEach(r -> sets.computeIfAbsent(r.provenance(), p -> new ArrayList<>()).add(r));
        System.out.printf("%-34s %5s %16s %14s %12s%n", "set left out", "rows", "knowledge alone", "with the rest",
                "model alone");
        int rows = 0;
        int before = 0;
        int after = 0;
        int model = 0;
        for (var set : sets.entrySet()) {
            List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(knowledge));
            examples.addAll(ExampleContacts.of(knowledge, p -> !p.equals(set.getKey())));
            TeamModel rest = trainer.train(2, examples, seed);
            int b = 0;
            int a = 0;
            int m = 0;
            for (RoutingEvaluator.Row r : set.getValue()) {
                ContactFacts facts = new ContactFacts("eval", "GM0363", Channel.valueOf(r.channel()), Instant.now(),
                        null, r.text(), "nl", null, null, null, null, null);
                b += engine.decide(facts, policy, knowledge, Set.of(), knowledgeAlone).teamId().equals(r.expected())
                        ? 1 : 0;
                var analysis = engine.analyse(facts, knowledge, Set.of(), rest);
                a += engine.decide(analysis, policy, knowledge, Set.of()).teamId().equals(r.expected()) ? 1 : 0;
                m += analysis.model() != null && analysis.model().teamId().equals(r.expected()) ? 1 : 0;
            }
            int n = set.getValue().size();
            System.out.printf("%-34s %5d %16.3f %14.3f %12.3f%n", set.getKey(), n, b / (double) n, a / (double) n,
                    m / (double) n);
            rows += n;
            before += b;
            after += a;
            model += m;
        }
        System.out.printf("%-34s %5d %16.3f %14.3f %12.3f%n", "all", rows, before / (double) rows,
                after / (double) rows, model / (double) rows);
    }
}
