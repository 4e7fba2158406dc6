package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.ReasonTexts;
import nl.loket.routing.service.RoutingEngine;

/** The policy rules as pure logic, on the knowledge fixture. */
class RoutingEngineTest {

    private static final RoutingEngine ENGINE = new RoutingEngine();
    private static final Map<String, Policy> POLICIES = PolicyRegistry.loadAll();
    private static KnowledgeSnapshot knowledge;

    @BeforeAll
    static void knowledge() {
        KnowledgeView view = KnowledgeFixture.view();
        view.putCase("OV-2026-00042", new CaseStatusChanged("OV-2026-00042", "GM0363",
                "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_bouw", "omgeving", "IN_BEHANDELING",
                "Advies welstand gevraagd", LocalDate.of(2026, 12, 20), Instant.now()));
        knowledge = view.snapshot();
    }

    private static ContactFacts contact(String text, String caseReference, String productCode, String ivr, String desk) {
        return new ContactFacts("c-1", "GM0363", Channel.PHONE, Instant.now(), null, text, "nl", caseReference,
                productCode, ivr, desk, null);
    }

    private static RoutingDecision decide(String policy, ContactFacts contact) {
        return ENGINE.decide(contact, POLICIES.get(policy), knowledge);
    }

    private static String dutch(RoutingDecision d) {
        return ReasonTexts.DUTCH.render(d.reason());
    }

    @Test
    void theKnowledgeIteratesInKeyOrderSoTiesBreakTheSameWayAfterARestart() {
        // Map.copyOf would iterate in an order that changes with every JVM start; ties between equally scored
        // documents would then route the same contact differently after a restart
        assertThat(java.util.List.copyOf(knowledge.products().keySet())).isSorted();
        assertThat(java.util.List.copyOf(knowledge.categories().keySet())).isSorted();
        assertThat(java.util.List.copyOf(knowledge.articles().keySet())).isSorted();
    }

    @Test
    void explicitSignalsWinOverTheText() {
        RoutingDecision byProduct = decide("chain-specialised-kcc",
                contact("Hoe lang duurt dat?", null, "omgevingsvergunning kap", null, null));
        assertThat(byProduct.teamId()).isEqualTo("omgeving");
        assertThat(byProduct.rule()).isEqualTo("explicit-signal");
        assertThat(dutch(byProduct)).isEqualTo(
                "De burger koos zelf 'omgevingsvergunning kap' in het webformulier; Ketenteam Omgeving handelt dit af.");
        assertThat(dutch(decide("chain-specialised-kcc", contact("Hallo", null, null, null, "Parkeeroverlast"))))
                .startsWith("De balie koos het onderwerp 'Parkeeroverlast'; ");
        assertThat(decide("chain-specialised-kcc", contact("Hallo", null, null, "sociaal-domein", null)).teamId())
                .isEqualTo("sociaal-domein");
        assertThat(decide("chain-specialised-kcc", contact("Hallo", null, null, null, "Parkeeroverlast")).teamId())
                .isEqualTo("veiligheid");
        assertThat(decide("chain-specialised-kcc", contact("Hallo", null, null, "9", null)).rule())
                .isNotEqualTo("explicit-signal");
    }

    @Test
    void informationQuestionsGoToTheFirstLineInEveryDomain() {
        for (String question : new String[] {"Wat kost een kapvergunning?", "Wanneer moet de aanslag OZB betaald zijn?",
                "Welke documenten heb ik nodig voor bijstand?", "Wat zijn de openingstijden van het stadhuis?"}) {
            RoutingDecision d = decide("chain-specialised-kcc", contact(question, null, null, null, null));
            assertThat(d.teamId()).as(question).isEqualTo("kcc");
            assertThat(d.rule()).as(question).isEqualTo("information-question");
            assertThat(d.tier()).isEqualTo(Tier.FIRST_LINE);
            assertThat(dutch(d)).as(question).startsWith("De burger stelt een algemene informatievraag")
                    .contains("Klantcontactcentrum beantwoordt die direct");
        }
    }

    @Test
    void ownCaseGoesToTheHandlingTeamWithAnExplanation() {
        RoutingDecision d = decide("chain-specialised-kcc", contact(
                "Ik kan mijn aanslag gemeentelijke belastingen niet betalen en wil kwijtschelding aanvragen.", null,
                null, null, null));
        assertThat(d.teamId()).isEqualTo("belastingen");
        assertThat(d.rule()).isEqualTo("own-case");
        assertThat(dutch(d)).startsWith("Het gaat om een eigen zaak of melding van de burger")
                .endsWith("; Ketenteam Belastingen handelt dit af.");
        assertThat(d.confidence()).isBetween(0.25, 1.0);
    }

    @Test
    void knownCaseStatusIsAnsweredByTheFirstLineAndUnknownCasesGoToTheirTeam() {
        String text = "Hoe staat het met mijn aanvraag voor de omgevingsvergunning voor mijn uitbouw?";
        RoutingDecision known = decide("chain-specialised-kcc", contact(text, "OV-2026-00042", null, null, null));
        assertThat(known.teamId()).isEqualTo("kcc");
        assertThat(known.rule()).isEqualTo("known-case-status");
        assertThat(dutch(known)).isEqualTo("De burger vraagt naar zaak OV-2026-00042 en de stand daarvan is bekend "
                + "(Advies welstand gevraagd; besluit verwacht op 20 december 2026); Klantcontactcentrum beantwoordt "
                + "de vraag zelf, zonder door te zetten.");
        assertThat(ReasonTexts.ENGLISH.render(known.reason())).contains("OV-2026-00042")
                .contains("20 December 2026");
        RoutingDecision inText = decide("chain-specialised-kcc",
                contact("Wat is de status van zaak OV-2026-00042?", null, null, null, null));
        assertThat(inText.rule()).isEqualTo("known-case-status");
        RoutingDecision unknown = decide("chain-specialised-kcc", contact(text, "OV-2026-12345", null, null, null));
        assertThat(unknown.teamId()).isEqualTo("omgeving");
        assertThat(unknown.rule()).isEqualTo("unknown-case-status");
        // an unmatched reference is only what the citizen typed: the reason does not repeat it
        assertThat(dutch(unknown)).startsWith("De burger vraagt naar de stand van een zaak die hier niet bekend is; "
                + "Ketenteam Omgeving behandelt ").doesNotContain("OV-2026-12345");
        assertThat(ReasonTexts.ENGLISH.render(unknown.reason())).doesNotContain("OV-2026-12345");
    }

    @Test
    void lowConfidenceGoesToTheFirstLineNeverToABackOffice() {
        RoutingDecision d = decide("chain-specialised-kcc",
                contact("Ik heb een probleem en wil graag teruggebeld worden.", null, null, null, null));
        assertThat(d.teamId()).isEqualTo("kcc");
        assertThat(d.rule()).isEqualTo("low-confidence");
        assertThat(dutch(d)).contains("Klantcontactcentrum bekijkt het contact en zet het zo nodig door.");
        assertThat(ReasonTexts.ENGLISH.render(d.reason())).contains("triages");
    }

    @Test
    void theOtherKccModelsAreThePoliciesData() {
        ContactFacts ownCase = contact("Er liggen losse stoeptegels voor mijn deur, al weken.", null, null, null, null);
        ContactFacts info = contact("Wat kost een kapvergunning?", null, null, null, null);
        ContactFacts knownCase = contact("Hoe staat het met mijn aanvraag?", "OV-2026-00042", null, null, null);
        assertThat(decide("one-kcc", ownCase).teamId()).isEqualTo("kcc");
        assertThat(dutch(decide("one-kcc", ownCase)))
                .isEqualTo("Klantcontactcentrum neemt elk contact als eerste aan (werkwijze one-kcc).");
        assertThat(decide("chain-specialised-kcc", ownCase).teamId()).isEqualTo("openbare-ruimte");
        assertThat(decide("stuck-in-the-middle", info).teamId()).isEqualTo("omgeving");
        assertThat(dutch(decide("stuck-in-the-middle", info))).startsWith("Het contact gaat over '")
                .endsWith("een onderwerp van Ketenteam Omgeving; volgens werkwijze stuck-in-the-middle gaat zo'n contact "
                        + "direct naar dat team.");
        RoutingDecision nothing = decide("switchboard-plus",
                contact("Ik heb een probleem en wil graag teruggebeld worden.", null, null, null, null));
        assertThat(nothing.teamId()).isEqualTo("kcc");
        assertThat(dutch(nothing)).isEqualTo(
                "Geen ander team past bij dit contact; Klantcontactcentrum handelt het af (werkwijze switchboard-plus).");
        assertThat(decide("stuck-in-the-middle", knownCase).teamId()).isEqualTo("kcc");
        assertThat(decide("switchboard-plus", knownCase).teamId()).isEqualTo("omgeving");
        assertThat(decide("switchboard-plus", info).policyName()).isEqualTo("switchboard-plus");
    }

    @Test
    void aTransferNeverGoesBackToTheRequestingTeam() {
        ContactFacts c = contact("Mijn buren draaien elke nacht harde muziek.", null, null, null, null);
        assertThat(decide("chain-specialised-kcc", c).teamId()).isEqualTo("veiligheid");
        RoutingDecision again = ENGINE.decide(c, POLICIES.get("chain-specialised-kcc"), knowledge, Set.of("veiligheid"));
        assertThat(again.teamId()).isNotEqualTo("veiligheid");
    }

    @Test
    void aCaseStatusNamingAnUnknownTeamIsIgnoredAndTheOtherRulesDecide() {
        KnowledgeView view = KnowledgeFixture.view();
        view.putCase("OV-2026-00666", new CaseStatusChanged("OV-2026-00666", "GM0363",
                "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_bouw", "onbekend-team", "IN_BEHANDELING",
                "In behandeling", null, Instant.now()));
        KnowledgeSnapshot k = view.snapshot();
        Policy policy = POLICIES.get("chain-specialised-kcc");
        String text = "Ik wil een omgevingsvergunning aanvragen voor een dakkapel op mijn woning.";
        RoutingDecision withCase = ENGINE.decide(contact(text, "OV-2026-00666", null, null, null), policy, k);
        RoutingDecision withoutCase = ENGINE.decide(contact(text, null, null, null, null), policy, k);
        assertThat(withCase.teamId()).isNotEqualTo("onbekend-team").isEqualTo(withoutCase.teamId());
        assertThat(withCase.rule()).isEqualTo(withoutCase.rule());
        RoutingDecision inText = ENGINE.decide(contact("Hoe staat het met zaak OV-2026-00666?", null, null, null, null),
                policy, k);
        assertThat(inText.teamId()).isNotEqualTo("onbekend-team");
        assertThat(inText.rule()).isNotEqualTo("known-case-status");
    }

    @Test
    void aTeamWithoutItsOwnTopicGetsNothingTheFirstLineTakesItAndSaysWhy() {
        KnowledgeView view = KnowledgeFixture.view();
        view.teamTopics(Set.of("kcc", "omgeving", "sociaal-domein", "veiligheid", "openbare-ruimte"));
        KnowledgeSnapshot k = view.snapshot();
        Policy policy = POLICIES.get("chain-specialised-kcc");
        RoutingDecision d = ENGINE.decide(contact("Hallo", null, null, "belastingen", null), policy, k);
        assertThat(d.teamId()).isEqualTo("kcc");
        assertThat(d.tier()).isEqualTo(Tier.FIRST_LINE);
        assertThat(d.rule()).isEqualTo(Policy.Rule.TEAM_TOPIC_MISSING);
        assertThat(d.teamWithoutTopic()).isEqualTo("belastingen");
        assertThat(dutch(d)).contains("Ketenteam Belastingen").contains("geen eigen topic")
                .contains("team.belastingen.contacts").contains("Klantcontactcentrum");
        // a team with its topic is routed as ever; the first line is never redirected
        RoutingDecision noise = ENGINE.decide(contact("Mijn buren draaien elke nacht harde muziek.", null, null, null,
                null), policy, k);
        assertThat(noise.teamId()).isEqualTo("veiligheid");
        assertThat(noise.teamWithoutTopic()).isNull();
        assertThat(ENGINE.decide(contact("Wat kost een kapvergunning?", null, null, null, null), policy, k).teamId())
                .isEqualTo("kcc");
    }
}
