package nl.loket.routing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.model.KnowledgeExamples;
import nl.loket.routing.model.ModelTrainer;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.model.TextFeatures;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/**
 * Development aid: the evaluation of a CSV in process, on the knowledge fixture, with the first model version
 * (trained on the knowledge and the bundled example contacts, as a fresh platform has it) beside the rules alone
 * (args: csv [policy]). {@code -Dleave-out=<provenance>} trains without that set of example contacts;
 * {@code -Dpredictions=<file>} writes one tab-separated line per row: expected, routed, topTeam, confidence, rule,
 * modelTeam, modelConfidence, text.
 */
public final class EvaluateInProcess {
    public static void main(String[] args) throws Exception {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        var policy = PolicyRegistry.loadAll().get(args.length > 1 ? args[1] : "chain-specialised-kcc");
        // as a fresh platform trains its first version: the knowledge and the bundled example contacts
        // (-Dleave-out=<provenance>: without that set's rows, to score it as unseen)
        String leaveOut = System.getProperty("leave-out", "");
        java.util.List<nl.loket.routing.model.TrainingExample> examples =
                new java.util.ArrayList<>(KnowledgeExamples.of(knowledge));
        examples.addAll(nl.loket.routing.model.ExampleContacts.of(knowledge, p -> !p.equals(leaveOut)));
        TeamModel model = new ModelTrainer(new TextFeatures(knowledge.text())).train(1, examples, 20261130L);
        RoutingEngine engine = new RoutingEngine();
        String predictions = System.getProperty("predictions");
        StringBuilder lines = new StringBuilder();
        var report = RoutingEvaluator.evaluateDecisions(RoutingEvaluator.read(Path.of(args[0])), row -> {
            ContactFacts facts = new ContactFacts("eval", "GM0363", Channel.valueOf(row.channel()), Instant.now(), null,
                    row.text(), "nl", null, null, null, null, null);
            RoutingEngine.Analysis analysis = engine.analyse(facts, knowledge, Set.of(), model);
            RoutingDecision d = engine.decide(analysis, policy, knowledge, Set.of());
            RoutingDecision rules = engine.decide(facts, policy, knowledge, Set.of(), null);
            lines.append(row.expected()).append('\t').append(d.teamId()).append('\t').append(analysis.topTeam())
                    .append('\t').append(analysis.confidence()).append('\t').append(d.rule())
                    .append('\t').append(analysis.model() == null ? null : analysis.model().teamId())
                    .append('\t').append(analysis.model() == null ? null : analysis.model().confidence())
                    .append('\t').append(row.text()).append('\n');
            return new RoutingEvaluator.Decision(d.teamId(), RoutingEngine.signalOf(d, policy).name(), rules.teamId(),
                    analysis.model() == null ? null : analysis.model().teamId(), d.modelVersion());
        });
        System.out.println(report.format(true));
        if (predictions != null) {
            java.nio.file.Files.writeString(Path.of(predictions), lines);
        }
    }
}
