package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Intent;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;

/**
 * The kinds of citizen texts issue #16 found misrouted on unseen texts, on the rules alone (the knowledge fixture,
 * default policy): each kind goes to the team that handles it, and its generic counterpart stays with the first line.
 */
class HardPhrasingsTest {

    private static final RoutingEngine ENGINE = new RoutingEngine();
    private static final Policy POLICY = PolicyRegistry.loadAll().get("chain-specialised-kcc");
    private static KnowledgeSnapshot knowledge;

    @BeforeAll
    static void knowledge() {
        knowledge = KnowledgeFixture.view().snapshot();
    }

    private static RoutingDecision decide(String text) {
        return ENGINE.decide(new ContactFacts("c-1", "GM0363", Channel.WEB_FORM, Instant.now(), null, text, "nl", null,
                null, null, null, null), POLICY, knowledge);
    }

    private static String team(String text) {
        return decide(text).teamId();
    }

    @Test
    void anObjectionToATaxValuationGoesToTheTaxTeamAndOtherObjectionsToLegalAffairs() {
        assertThat(team("Ik wil bezwaar maken tegen mijn WOZ-beschikking.")).isEqualTo("belastingen");
        assertThat(team("Ik ben het niet eens met de WOZ-waarde van mijn woning, die is veel te hoog."))
                .isEqualTo("belastingen");
        assertThat(team("Ik maak bezwaar tegen het besluit over mijn bijstandsuitkering.")).isEqualTo("juridische-zaken");
    }

    @Test
    void aClaimForDamageThePublicSpaceCausedIsALiabilityClaimWhileTheDefectItselfIsAReport() {
        assertThat(team("Door een gat in de weg is mijn velg kapot gegaan, ik wil de schade bij de gemeente verhalen."))
                .isEqualTo("juridische-zaken");
        assertThat(team("Er is een tak van een gemeenteboom op mijn auto gevallen. Ik wil een schadevergoeding."))
                .isEqualTo("juridische-zaken");
        assertThat(team("Er zit een diep gat in het fietspad bij de rotonde.")).isEqualTo("openbare-ruimte");
    }

    @Test
    void aCareRequestAskedAsAQuestionGoesToTheSocialTeamAndTheGenericQuestionStaysWithTheFirstLine() {
        RoutingDecision request = decide("Kan ik hulp krijgen bij het huishouden? Ik ben net geopereerd en kan niks zelf.");
        assertThat(request.teamId()).isEqualTo("sociaal-domein");
        assertThat(request.rule()).isEqualTo("own-case");
        assertThat(team("Mijn vader kan de trap niet meer op, kan hij een traplift krijgen?")).isEqualTo("sociaal-domein");
        assertThat(team("Hoe vraag ik huishoudelijke hulp aan?")).isEqualTo("kcc");
    }

    @Test
    void ownSituationQuestionsAboutGroundLeaseRegistrationsAndSecrecyGoToTheirTeams() {
        assertThat(team("Mijn erfpachtcanon gaat omhoog, klopt dat wel?")).isEqualTo("ruimtelijke-ontwikkeling");
        assertThat(team("Er staan mensen op mijn adres ingeschreven die hier niet wonen, wat kan ik doen?"))
                .isEqualTo("burgerzaken");
        assertThat(team("Mijn ex-partner zoekt me, kan ik mijn adres geheim laten houden?")).isEqualTo("burgerzaken");
        assertThat(team("Wat is erfpacht?")).isEqualTo("kcc");
    }

    @Test
    void veryShortReportsFindTheirTeam() {
        assertThat(team("glasbak vol")).isEqualTo("openbare-ruimte");
        assertThat(team("putdeksel ontbreekt")).isEqualTo("openbare-ruimte");
        assertThat(team("winkelwagen in de sloot")).isEqualTo("openbare-ruimte");
        assertThat(team("vreemde man aan de deur")).isEqualTo("veiligheid");
        assertThat(team("bedelaar bij de supermarkt")).isEqualTo("veiligheid");
    }

    @Test
    void goingIsNotAHoleInTheRoad() {
        // Snowball stems "gaat" to "gat": the stem overrides keep the verb apart from the pothole
        assertThat(knowledge.text().searchTokens("de canon gaat omhoog")).doesNotContain("gat");
        assertThat(knowledge.text().searchTokens("een gat in de weg")).contains("gat");
        assertThat(knowledge.text().cueTokens("mn woz beschikking")).startsWith("mijn");
    }

    @Test
    void aQuestionWithoutItsQuestionMarkIsStillAQuestion() {
        assertThat(knowledge.intents().detect("hoe wordt de woz waarde eigenlijk bepaald").intent())
                .isEqualTo(Intent.INFORMATION_QUESTION);
        assertThat(team("hoe wordt de woz waarde eigenlijk bepaald")).isEqualTo("kcc");
        // a statement is still a report
        assertThat(knowledge.intents().detect("Losliggende stoeptegels voor nummer 12").intent())
                .isEqualTo(Intent.OWN_CASE);
    }
}
