package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
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
     * A fresh platform routes with the first model version, trained on the knowledge alone: on every labelled file it
     * must route at least as well as the rules alone (it only places what the rules leave to the first line's triage).
     */
    @Test
    void theFirstModelVersionRoutesNoLabelledFileWorseThanTheRulesAlone() throws Exception {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        Policy policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        var model = new nl.loket.routing.model.ModelTrainer(new nl.loket.routing.model.TextFeatures(knowledge.text()))
                .train(1, nl.loket.routing.model.KnowledgeExamples.of(knowledge), 20261130L);
        for (String file : List.of("dev-set.csv", "probe-set.csv", "short-reports.csv", "citizen-phrasings.csv")) {
            List<RoutingEvaluator.Row> rows = RoutingEvaluator.read(Path.of("src/test/resources/eval", file));
            java.util.function.Function<RoutingEvaluator.Row, ContactFacts> facts = row -> new ContactFacts("eval",
                    "GM0363", Channel.valueOf(row.channel()), Instant.now(), null, row.text(), "nl", null, null, null,
                    null, null);
            double rules = RoutingEvaluator.evaluate(rows, row -> engine.decide(facts.apply(row), policy, knowledge)
                    .teamId()).accuracy();
            double withModel = RoutingEvaluator.evaluate(rows, row -> engine.decide(facts.apply(row), policy,
                    knowledge, model).teamId()).accuracy();
            System.out.printf("%s: rules alone %.3f, with the first model version %.3f%n", file, rules, withModel);
            assertThat(withModel).as(file).isGreaterThanOrEqualTo(rules);
        }
    }
}
