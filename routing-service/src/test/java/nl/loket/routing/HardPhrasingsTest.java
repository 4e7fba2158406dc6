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
    void aQuestionThatComesWithTheCitizensOwnSituationGoesToTheTeamOfItsSubject() {
        RoutingDecision land = decide("Naast onze tuin ligt een strook gemeentegroen van twee meter breed. Wij zouden "
                + "deze graag kopen. Is dat mogelijk en wat kost dat?");
        assertThat(land.teamId()).isEqualTo("ruimtelijke-ontwikkeling");
        assertThat(land.rule()).isEqualTo("question-about-own-situation");
        assertThat(land.reason().kind()).isEqualTo(nl.loket.routing.domain.Reason.Kind.OWN_CASE);
        assertThat(nl.loket.routing.service.ReasonTexts.DUTCH.render(land.reason()))
                .contains("een vraag met de eigen situatie erbij");
        assertThat(team("Wij zijn sinds april een B&B met twee kamers begonnen. Hoe en wanneer moeten wij de "
                + "toeristenbelasting afdragen?")).isEqualTo("belastingen");
        // the same subject asked in general, or with a situation the first line answers, stays with the first line
        assertThat(team("Voor mijn scriptie zou ik graag weten hoe erfpacht in het algemeen werkt. Is daar informatie "
                + "over?")).isEqualTo("kcc");
        assertThat(team("Hoe kan ik een strook gemeentegroen kopen?")).isEqualTo("kcc");
        assertThat(team("Ik ga binnen de gemeente verhuizen per 1 juni. Hoe geef ik mijn adreswijziging door?"))
                .isEqualTo("kcc");
        assertThat(team("Beste gemeente, hoe vraag ik een paspoort aan? Met vriendelijke groet, Jan")).isEqualTo("kcc");
    }

    @Test
    void greetingsClosingsAndAnAnnouncedQuestionAreNoSituation() {
        assertThat(knowledge.intents().detect("Mogen wij het stukje groen naast ons huis kopen? We onderhouden het al "
                + "jaren zelf").situated()).isTrue();
        assertThat(knowledge.intents().detect("Goedemiddag, ik heb een vraag over erfpacht. Hoe werkt dat? Ik hoor "
                + "graag van u.").situated()).isFalse();
        assertThat(knowledge.intents().detect("Wat kost een paspoort?").situated()).isFalse();
        assertThat(knowledge.intents().detect("Wij hebben een B&B. Ik vraag het uit interesse: hoe werkt de "
                + "toeristenbelasting?").situated()).isFalse();
    }

    @Test
    void aQuestionThatTellsNothingButTheQuestionIsAGeneralOneWhateverItsSubject() {
        // general: the first line answers it, however sure the text model is of its subject's team
        assertThat(knowledge.intents().detect("Hoe kan ik bezwaar maken tegen een besluit van de gemeente?")
                .generalQuestion()).isTrue();
        assertThat(knowledge.intents().detect("Welke voorwaarden gelden er voor bijzondere bijstand?")
                .generalQuestion()).isTrue();
        assertThat(knowledge.intents().detect("Beste gemeente, wanneer moet ik toeristenbelasting betalen? Alvast "
                + "bedankt.").generalQuestion()).isTrue();
        assertThat(knowledge.intents().detect("Als ik ga trouwen, moet ik dan mijn naam laten wijzigen?")
                .generalQuestion()).isFalse(); // "mijn": the writer's own
        assertThat(knowledge.intents().detect("Als we gaan trouwen, hoe lang van tevoren moeten we dat melden?")
                .generalQuestion()).isTrue();
        assertThat(knowledge.intents().detect("Wij hebben een B&B. Ik vraag het uit interesse: hoe werkt de "
                + "toeristenbelasting?").generalQuestion()).isTrue(); // a cue of general interest
        // not general: it tells something of the writer's own situation, or something besides the question
        assertThat(knowledge.intents().detect("kan mijn moeder via de gemeente een traplift krijgen? ze komt de trap "
                + "niet meer op").generalQuestion()).isFalse();
        assertThat(knowledge.intents().detect("Meneer vraagt wat erfpacht voor zijn woning gaat kosten?")
                .generalQuestion()).isFalse();
        assertThat(knowledge.intents().detect("Heb ik recht op een traplift?").generalQuestion()).isFalse();
        assertThat(knowledge.intents().detect("Komen wij in aanmerking voor bijzondere bijstand?").generalQuestion())
                .isFalse();
        assertThat(knowledge.intents().detect("er groeien grote paddenstoelen onderaan de boom, is die nog wel veilig?")
                .generalQuestion()).isFalse();
        assertThat(knowledge.intents().detect("Welke bestemming heeft het weiland achter de Dijkweg? Er gaan geruchten "
                + "dat daar woningen komen.").generalQuestion()).isFalse();
        // and a statement is no question at all
        assertThat(knowledge.intents().detect("De lantaarnpaal voor nummer 14 brandt niet.").generalQuestion())
                .isFalse();
    }

    @Test
    void aQuestionsWordOrderInAStatementDoesNotMakeItAQuestion() {
        assertThat(knowledge.intents().detect("auto's staan elke dag op de stoep geparkeerd, met de kinderwagen kan ik "
                + "er niet langs").intent()).isEqualTo(Intent.OWN_CASE);
        assertThat(knowledge.intents().detect("kan ik een parkeervergunning aanvragen?").intent())
                .isEqualTo(Intent.INFORMATION_QUESTION);
    }

    @Test
    void askingWhetherSomebodyElsesDoingIsAllowedIsAReportForEnforcement() {
        assertThat(team("buurman bouwt een schuur van 4 meter hoog tegen onze schutting, mag dat zomaar?"))
                .isEqualTo("omgeving");
        // a neglected building is the vacancy category's (whichever team the knowledge gives it), not a street defect
        assertThat(decide("pand op de hoek van de Kerkstraat staat al jaren leeg en verpauperd, ramen kapot")
                .categoryId()).isEqualTo("wonen/leegstand");
        assertThat(team("Mag ik een schuur in mijn achtertuin bouwen zonder vergunning?")).isEqualTo("kcc");
    }

    @Test
    void aWasteBagIsNoCase() {
        // Snowball stems both "zak" and "zaak" to "zak"; the cue "mijn zaak" must not fire on a bin bag
        assertThat(knowledge.intents().detect("klep van de container zit vast, krijg mijn zak er niet in").cues())
                .doesNotContain("mijn zaak");
    }

    @Test
    void aRequestToTakeSomethingAwayIsAReportAndTheCollectionScheduleAQuestion() {
        assertThat(team("Iemand heeft een oude bank naast de glasbak gezet. Kan dat worden opgehaald?"))
                .isEqualTo("openbare-ruimte");
        assertThat(team("Wanneer wordt het grofvuil opgehaald?")).isEqualTo("kcc");
    }

    @Test
    void worriesAboutAConfusedNeighbourAreTheSocialTeams() {
        assertThat(team("Ik maak me zorgen om mijn buurvrouw van 85, ze lijkt steeds verwarder."))
                .isEqualTo("sociaal-domein");
    }

    @Test
    void aProtectedWordIsNotSplitIntoAnotherSubject() {
        // "ondergrondse" would split into onder + grond (land), "belastingdienst" into a municipal tax
        assertThat(team("klep van de ondergrondse container klemt")).isEqualTo("openbare-ruimte");
        assertThat(team("Ik ben mijn DigiD-wachtwoord kwijt en kan niet inloggen bij de belastingdienst. Hoe kom ik er "
                + "weer in?")).isEqualTo("kcc");
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
