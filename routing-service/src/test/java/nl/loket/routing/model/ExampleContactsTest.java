package nl.loket.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.KnowledgeFixture;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

class ExampleContactsTest {

    private static final Set<String> TEAMS = Set.of("kcc", "omgeving", "sociaal-domein", "belastingen", "veiligheid",
            "openbare-ruimte", "burgerzaken", "juridische-zaken", "ruimtelijke-ontwikkeling");

    @Test
    void everyExampleIsAnAuthoredTextWithAKnownTeamAndChannel() {
        List<RoutingEvaluator.Row> rows = ExampleContacts.rows();
        assertThat(rows).hasSizeGreaterThan(2000);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.provenance()).as(r.text()).startsWith("authored:");
            assertThat(TEAMS).as(r.text()).contains(r.expected());
            assertThat(Channel.valueOf(r.channel())).isNotNull();
            assertThat(r.text()).isNotBlank();
        });
    }

    @Test
    void theSameExamplesInAnyOrderGiveTheSameKeys() {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        assertThat(ExampleContacts.of(knowledge)).isEqualTo(ExampleContacts.of(knowledge));
        assertThat(ExampleContacts.of(knowledge)).allMatch(TrainingExample::fromContact);
    }

    /**
     * Cross-validation: a set of example contacts left out of training is routed better by a model that learnt from
     * the other sets than by one that knows the knowledge alone (the sets were written separately, blind to each
     * other).
     */
    @Test
    void contactsOfASetLeftOutAreRoutedBetterAfterLearningFromTheOtherSets() {
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        Policy policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        ModelTrainer trainer = new ModelTrainer(new TextFeatures(knowledge.text()));
        TeamModel knowledgeAlone = trainer.train(1, KnowledgeExamples.of(knowledge), 20261130L);
        for (String leftOut : List.of("authored:blind-set-26", "authored:category-reports-c")) {
            List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(knowledge));
            examples.addAll(ExampleContacts.of(knowledge, p -> !p.equals(leftOut)));
            TeamModel learnt = trainer.train(2, examples, 20261130L);
            List<RoutingEvaluator.Row> rows = ExampleContacts.rows().stream()
                    .filter(r -> r.provenance().equals(leftOut)).toList();
            double before = accuracy(rows, engine, policy, knowledge, knowledgeAlone);
            double after = accuracy(rows, engine, policy, knowledge, learnt);
            System.out.printf("%s (%d rows, left out): knowledge alone %.3f, with the other example contacts %.3f%n",
                    leftOut, rows.size(), before, after);
            assertThat(after).as(leftOut).isGreaterThanOrEqualTo(before + 0.05);
        }
    }

    private static double accuracy(List<RoutingEvaluator.Row> rows, RoutingEngine engine, Policy policy,
            KnowledgeSnapshot knowledge, TeamModel model) {
        return RoutingEvaluator.evaluate(rows, row -> engine.decide(new ContactFacts("eval", "GM0363",
                Channel.valueOf(row.channel()), Instant.now(), null, row.text(), "nl", null, null, null, null, null),
                policy, knowledge, model).teamId()).accuracy();
    }
}
