package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.model.ExampleContacts;
import nl.loket.routing.model.KnowledgeExamples;
import nl.loket.routing.model.ModelTrainer;
import nl.loket.routing.model.TextFeatures;
import nl.loket.routing.model.TrainingExample;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/** The dev set, evaluated in process with the default policy on the fixture knowledge (same code as the preview). */
class RoutingEvaluationTest {

    @Test
    void devSetTeamAccuracyIsAtLeastNinetyPercent() throws Exception {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        Policy policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        List<RoutingEvaluator.Row> rows = RoutingEvaluator.read(Path.of("src/test/resources/eval/dev-set.csv"));

        RoutingEvaluator.Report report = RoutingEvaluator.evaluate(rows, row -> engine.decide(
                new ContactFacts("eval", "GM0363", Channel.valueOf(row.channel()), Instant.now(), null, row.text(), "nl",
                        null, null, null, null, null),
                policy, knowledge).teamId());

        System.out.println(report.format(true));
        RoutingEvaluator.Report probe = RoutingEvaluator.evaluate(
                RoutingEvaluator.read(Path.of("src/test/resources/eval/probe-set.csv")), row -> engine.decide(
                        new ContactFacts("eval", "GM0363", Channel.valueOf(row.channel()), Instant.now(), null, row.text(),
                                "nl", null, null, null, null, null), policy, knowledge).teamId());
        System.out.println("probe set (written after the dev set, not used for the cue lists):\n" + probe.format(true));
        for (RoutingEvaluator.Row row : rows) {
            var d = engine.decide(new ContactFacts("eval", "GM0363", Channel.valueOf(row.channel()), Instant.now(), null,
                    row.text(), "nl", null, null, null, null, null), policy, knowledge);
            if (!d.teamId().equals(row.expected())) {
                System.out.println("MISS " + row.expected() + " -> " + d.teamId() + " " + d.rule() + " " + d.confidence()
                        + " | " + nl.loket.routing.service.ReasonTexts.ENGLISH.render(d.reason()));
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.90);
    }

    /**
     * A fresh platform routes with its first model version, trained on the knowledge and the bundled example contacts:
     * on the labelled evaluation files (rows among the examples left out) it routes at least as many contacts right as
     * the rules alone (per file it may lose a row where the model is sure of the first line, as on the probe set).
     */
    @Test
    void theFirstModelVersionRoutesNoEvaluationFileWorseThanTheRulesAlone() throws Exception {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        Policy policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(knowledge));
        examples.addAll(ExampleContacts.of(knowledge));
        var model = new ModelTrainer(new TextFeatures(knowledge.text())).train(1, examples, 20261130L);
        Set<String> exampleTexts = new HashSet<>();
        ExampleContacts.rows().forEach(r -> exampleTexts.add(normal(r.text())));
        double rulesRight = 0;
        double modelRight = 0;
        for (String file : List.of("dev-set.csv", "probe-set.csv", "short-reports.csv", "held-out.csv")) {
            // rows whose text is also an example contact (a short report two writers both wrote) are not judged
            List<RoutingEvaluator.Row> all = RoutingEvaluator.read(Path.of("src/test/resources/eval", file));
            List<RoutingEvaluator.Row> rows = all.stream().filter(r -> !exampleTexts.contains(normal(r.text())))
                    .toList();
            assertThat(rows.size()).as(file).isGreaterThanOrEqualTo(all.size() * 2 / 3);
            java.util.function.Function<RoutingEvaluator.Row, ContactFacts> facts = row -> new ContactFacts("eval",
                    "GM0363", Channel.valueOf(row.channel()), Instant.now(), null, row.text(), "nl", null, null, null,
                    null, null);
            double rules = RoutingEvaluator.evaluate(rows, row -> engine.decide(facts.apply(row), policy, knowledge)
                    .teamId()).accuracy();
            double withModel = RoutingEvaluator.evaluate(rows, row -> engine.decide(facts.apply(row), policy,
                    knowledge, model).teamId()).accuracy();
            System.out.printf("%s (%d of %d rows): rules alone %.3f, with the first model version %.3f%n", file,
                    rows.size(), all.size(), rules, withModel);
            rulesRight += rules * rows.size();
            modelRight += withModel * rows.size();
        }
        assertThat(Math.round(modelRight)).isGreaterThanOrEqualTo(Math.round(rulesRight));
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
