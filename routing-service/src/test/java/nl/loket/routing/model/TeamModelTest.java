package nl.loket.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.Channel;
import nl.loket.routing.KnowledgeFixture;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.domain.Signal;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.ReasonTexts;
import nl.loket.routing.service.RoutingEngine;

/** The trained team model as one more signal: pure, on the knowledge fixture (no Kafka, no database). */
class TeamModelTest {

    private static final RoutingEngine ENGINE = new RoutingEngine();
    private static final Policy POLICY = PolicyRegistry.loadAll().get("chain-specialised-kcc");
    /** Rules send it to the first line for triage (no cue, no confident match); it is work for veiligheid. */
    private static final String AT_THE_DOOR = "Iemand loopt al een uur bij de achterdeuren te rammelen";
    private static KnowledgeSnapshot knowledge;
    private static ModelTrainer trainer;
    private static TeamModel knowledgeOnly;
    private static TeamModel corrected;

    @BeforeAll
    static void train() {
        KnowledgeView view = KnowledgeFixture.view();
        view.putCase("OV-2026-00042", new CaseStatusChanged("OV-2026-00042", "GM0363",
                "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_bouw", "omgeving", "IN_BEHANDELING",
                "Advies welstand gevraagd", LocalDate.of(2026, 12, 20), Instant.now()));
        knowledge = view.snapshot();
        trainer = new ModelTrainer(new TextFeatures(knowledge.text()));
        knowledgeOnly = trainer.train(1, KnowledgeExamples.of(knowledge), 7);
        List<TrainingExample> withCorrection = new ArrayList<>(KnowledgeExamples.of(knowledge));
        // routed to the first line, transferred, settled by veiligheid: a corrected contact weighs 3
        withCorrection.add(new TrainingExample("outcome:c-door", AT_THE_DOOR, "veiligheid", 3.0));
        corrected = trainer.train(2, withCorrection, 7);
    }

    private static ContactFacts contact(String text, String caseReference, String productCode, String ivr,
            String desk) {
        return new ContactFacts("c-1", "GM0363", Channel.PHONE, Instant.now(), null, text, "nl", caseReference,
                productCode, ivr, desk, null);
    }

    private static RoutingDecision decide(ContactFacts c, TeamModel model) {
        return ENGINE.decide(c, POLICY, knowledge, Set.of(), model);
    }

    @Test
    void trainingIsDeterministicForASeed() {
        TeamModel again = trainer.train(1, KnowledgeExamples.of(knowledge), 7);
        // the examples in another order: training sorts them by key
        List<TrainingExample> shuffled = new ArrayList<>(KnowledgeExamples.of(knowledge));
        java.util.Collections.reverse(shuffled);
        TeamModel reordered = trainer.train(1, shuffled, 7);
        for (String text : List.of(AT_THE_DOOR, "grofvuil", "Kan ik hulp krijgen bij het huishouden?",
                "Mijn aanslag onroerendezaakbelasting klopt niet", "Hoe vraag ik een paspoort aan?")) {
            ModelPrediction p = knowledgeOnly.predict(text, null);
            assertThat(again.predict(text, null)).as(text).isEqualTo(p);
            assertThat(reordered.predict(text, null)).as(text).isEqualTo(p);
        }
        assertThat(knowledgeOnly.getWeights()).isEqualTo(again.getWeights());
    }

    @Test
    void aTransferCorrectedContactTeachesTheModel() {
        RoutingDecision before = decide(contact(AT_THE_DOOR, null, null, null, null), knowledgeOnly);
        assertThat(before.teamId()).isEqualTo("kcc");
        assertThat(before.rule()).isEqualTo("low-confidence");

        RoutingDecision after = decide(contact(AT_THE_DOOR, null, null, null, null), corrected);
        assertThat(after.teamId()).isEqualTo("veiligheid");
        assertThat(after.rule()).isEqualTo("text-model");
        assertThat(RoutingEngine.signalOf(after, POLICY)).isEqualTo(Signal.MODEL);
        assertThat(after.modelVersion()).isEqualTo(2);
        assertThat(ReasonTexts.DUTCH.render(after.reason()))
                .startsWith("Het tekstmodel (versie 2) herkent dit als werk voor Ketenteam Veiligheid (zekerheid ")
                .endsWith("; het leerde dat van eerder afgehandelde contacten en de kennisbank.");
    }

    @Test
    void explicitSignalsAndKnownCasesWinOverTheModel() {
        // the model says veiligheid for this text; the citizen's own choice and a known case still decide
        assertThat(corrected.predict(AT_THE_DOOR, null).teamId()).isEqualTo("veiligheid");
        RoutingDecision ivr = decide(contact(AT_THE_DOOR, null, null, "belastingen", null), corrected);
        assertThat(ivr.teamId()).isEqualTo("belastingen");
        assertThat(ivr.rule()).isEqualTo("explicit-signal");
        RoutingDecision desk = decide(contact(AT_THE_DOOR, null, null, null, "omgeving"), corrected);
        assertThat(desk.teamId()).isEqualTo("omgeving");
        // a question about a known case (the door is its subject): the first line answers with the case's status
        RoutingDecision knownCase = decide(contact("Hoe staat het met zaak OV-2026-00042? " + AT_THE_DOOR + "?",
                "OV-2026-00042", null, null, null), corrected);
        assertThat(knownCase.rule()).isEqualTo("known-case-status");
        assertThat(knownCase.teamId()).isEqualTo("kcc");
        assertThat(RoutingEngine.signalOf(knownCase, POLICY)).isEqualTo(Signal.CASE);
        // every decision names the model version consulted, whichever signal decided
        assertThat(List.of(ivr, desk, knownCase)).extracting(RoutingDecision::modelVersion).containsOnly(2);
    }

    @Test
    void withTheExampleContactsTheModelPlacesWhatItIsSureOfButLeavesAGeneralQuestionToTheFirstLine() {
        List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(knowledge));
        examples.addAll(ExampleContacts.of(knowledge));
        TeamModel first = trainer.train(1, examples, 7);
        assertThat(first.contactExamples()).isEqualTo(ExampleContacts.of(knowledge).size()).isGreaterThan(200);

        // a care request phrased as a question: the model is sure, and it is the citizen's own situation
        RoutingDecision care = decide(contact("kan mijn moeder via de gemeente een traplift krijgen? ze komt de trap "
                + "niet meer op", null, null, null, null), first);
        assertThat(care.teamId()).isEqualTo("sociaal-domein");
        assertThat(care.rule()).isEqualTo("text-model-sure");
        assertThat(RoutingEngine.signalOf(care, POLICY)).isEqualTo(Signal.MODEL);

        // a general question about objections: the model names legal affairs, the first line answers it
        String general = "Hoe kan ik bezwaar maken tegen een besluit van de gemeente?";
        assertThat(first.predict(general, null).teamId()).isEqualTo("juridische-zaken");
        RoutingDecision info = decide(contact(general, null, null, null, null), first);
        assertThat(info.teamId()).isEqualTo("kcc");
        assertThat(info.rule()).isEqualTo("information-question");

        // and a transfer still teaches it: the same text, corrected once, goes to the team that settled it
        RoutingDecision before = decide(contact(AT_THE_DOOR, null, null, null, null), first);
        assertThat(before.teamId()).isNotEqualTo("veiligheid");
        examples.add(new TrainingExample("outcome:c-door", AT_THE_DOOR, "veiligheid", 3.0));
        RoutingDecision after = decide(contact(AT_THE_DOOR, null, null, null, null), trainer.train(2, examples, 7));
        assertThat(after.teamId()).isEqualTo("veiligheid");
        assertThat(after.rule()).startsWith("text-model");
    }

    @Test
    void confidentRulesDecideBeforeTheModelAndTheRulesAloneNameNoModel() {
        String info = "Hoe vraag ik een paspoort aan en wat kost het?";
        RoutingDecision withModel = decide(contact(info, null, null, null, null), corrected);
        assertThat(withModel.rule()).isEqualTo("information-question");
        assertThat(withModel.modelVersion()).isEqualTo(2);
        RoutingDecision rulesAlone = decide(contact(info, null, null, null, null), null);
        assertThat(rulesAlone.teamId()).isEqualTo(withModel.teamId());
        assertThat(rulesAlone.modelVersion()).isNull();
    }

    @Test
    void aStoredVersionRoutesTheSameAsTheTrainedOne() {
        TeamModel loaded = TeamModel.load(2, corrected.toBytes(), new TextFeatures(knowledge.text()), 1);
        assertThat(loaded.predict(AT_THE_DOOR, null)).isEqualTo(corrected.predict(AT_THE_DOOR, null));
        assertThat(decide(contact(AT_THE_DOOR, null, null, null, null), loaded))
                .isEqualTo(decide(contact(AT_THE_DOOR, null, null, null, null), corrected));
    }

    /** The model decides from its weights as arrays; Tribuo's own predict must give the same probabilities. */
    @Test
    void theModelsOwnScoringGivesTribuosProbabilities() throws Exception {
        List<String> texts = new ArrayList<>(nl.loket.routing.eval.RoutingEvaluator
                .read(java.nio.file.Path.of("src/test/resources/eval/dev-set.csv")).stream()
                .map(nl.loket.routing.eval.RoutingEvaluator.Row::text).toList());
        texts.addAll(List.of(AT_THE_DOOR, "Ik wil mijn paspoort verlengen", "xyzzy qwerty", "Ééñ wøørd 𝄞 met ßpecials"));
        List<TrainingExample> withExamples = new ArrayList<>(KnowledgeExamples.of(knowledge));
        withExamples.addAll(ExampleContacts.of(knowledge));
        TeamModel examples = trainer.train(3, withExamples, 7);
        int compared = 0;
        for (TeamModel model : List.of(knowledgeOnly, corrected, examples)) {
            for (String text : texts) {
                var ours = model.scoresByTeam(text);
                if (ours.isEmpty()) {
                    continue; // no feature the model knows: Tribuo refuses such an example, we answer no prediction
                }
                var tribuo = model.tribuoScores(text);
                assertThat(ours.keySet()).as(text).isEqualTo(tribuo.keySet());
                ours.forEach((team, p) -> assertThat(p).as(text + " " + team)
                        .isCloseTo(tribuo.get(team), org.assertj.core.data.Offset.offset(1e-12)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3 * 150);
    }

    @Test
    void theStoredModelHoldsNoWordsAndExplanationsNameOnlyKnowledgeWords() {
        String text = "Meneer Jansen van de Kerkstraat 12 staat verdacht aan de deur te rammelen";
        var features = corrected.featureNames();
        assertThat(features).allMatch(f -> f.matches("f[0-9a-z]+"));
        ModelPrediction p = corrected.predict(text, null, knowledge::isKnowledgeWord);
        assertThat(p.terms()).doesNotContain("jansen", "kerkstraat", "meneer");
        assertThat(p.terms()).allMatch(knowledge::isKnowledgeWord);
    }

    @Test
    void aTransferNeverGoesBackToTheTeamThatAskedForIt() {
        RoutingDecision d = ENGINE.decide(contact(AT_THE_DOOR, null, null, null, null), POLICY, knowledge,
                Set.of("veiligheid"), corrected);
        assertThat(d.teamId()).isNotEqualTo("veiligheid");
    }

    /**
     * A care request phrased as a question reads as an information question to the rules. A version that learnt from
     * enough settled contacts that such questions end at the social domain may decide before the intent rules; the
     * first version (the knowledge alone) or one with few outcomes may not.
     */
    @Test
    void theModelDecidesBeforeTheIntentRulesOnlyOnceItLearntFromEnoughSettledContacts() {
        String[] help = {"huishouden", "boodschappen", "de was", "schoonmaken", "vervoer naar de dokter",
            "een scootmobiel", "een traplift", "aanpassingen in huis", "dagbesteding", "begeleiding thuis"};
        String[] info = {"een paspoort", "een rijbewijs", "een identiteitskaart", "een uittreksel", "een verhuizing"};
        List<TrainingExample> examples = new ArrayList<>(KnowledgeExamples.of(knowledge));
        int n = 0;
        for (int round = 0; round < 16; round++) {
            for (String h : help) {
                examples.add(new TrainingExample(TrainingExample.OUTCOME + "help-" + n++, "Is er hulp mogelijk bij " + h
                        + "? Thuis gaat het zo niet meer.", "sociaal-domein", 1.0));
            }
            for (String i : info) {
                examples.add(new TrainingExample(TrainingExample.OUTCOME + "info-" + n++, "Hoe vraag ik " + i
                        + " aan en wat kost dat?", "kcc", 1.0));
            }
        }
        TeamModel learnt = trainer.train(3, examples, 7);
        assertThat(learnt.contactExamples()).isEqualTo(240);
        String question = "Is er hulp mogelijk bij het huishouden? Thuis gaat het zo niet meer.";

        RoutingDecision before = decide(contact(question, null, null, null, null), knowledgeOnly);
        assertThat(before.rule()).isEqualTo("information-question");
        assertThat(before.teamId()).isEqualTo("kcc");

        RoutingDecision after = decide(contact(question, null, null, null, null), learnt);
        assertThat(after.rule()).isEqualTo("text-model-sure");
        assertThat(after.teamId()).isEqualTo("sociaal-domein");
        // a generic question stays with the first line
        assertThat(decide(contact("Hoe vraag ik een paspoort aan en wat kost dat?", null, null, null, null), learnt)
                .teamId()).isEqualTo("kcc");
        // the same weights with too few settled contacts behind them: the intent rules decide
        TeamModel few = TeamModel.load(4, learnt.toBytes(), new TextFeatures(knowledge.text()), 199);
        assertThat(decide(contact(question, null, null, null, null), few).rule()).isEqualTo("information-question");
    }
}
