package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.contracts.DefaultTeams;
import nl.loket.demo.ContactScript.Kind;
import nl.loket.demo.ContactScript.Phrasing;
import nl.loket.demo.ContactScript.ScriptedContact;

/** The script reads knowledge-service's seed files from the repository (the module's parent folder). */
class ContactScriptTest {

    private static ContactScript script;

    @BeforeAll
    static void readReferenceData() throws IOException {
        script = new ContactScript(Path.of(".."));
    }

    @Test
    void hardPhrasingsAreReproducibleFromTheSeed() {
        List<ScriptedContact> once = script.day(300, 42, 0.3);
        List<ScriptedContact> again = script.day(300, 42, 0.3);
        List<ScriptedContact> otherDay = script.day(300, 43, 0.3);

        assertThat(again).isEqualTo(once);
        assertThat(otherDay).isNotEqualTo(once);
        assertThat(once).filteredOn(ScriptedContact::hard).hasSizeBetween(60, 120);
        assertThat(once).extracting(ScriptedContact::phrasing).contains(Phrasing.SHORT_REPORT, Phrasing.OWN_SITUATION);
    }

    @Test
    void withoutHardShareTheDayIsExactlyTheDemosDay() {
        assertThat(script.day(300, 42, 0)).isEqualTo(script.day(300, 42))
                .noneMatch(ScriptedContact::hard);
    }

    @Test
    void shortReportsAreAFewLowerCaseWordsForTheCategorysTeam() {
        List<ScriptedContact> reports = script.day(500, 7, 0.5).stream()
                .filter(c -> c.phrasing() == Phrasing.SHORT_REPORT).toList();

        assertThat(reports).isNotEmpty().allSatisfy(c -> {
            String words = c.text().endsWith(ContactScript.AT_MY_DOOR)
                    ? c.text().substring(0, c.text().length() - ContactScript.AT_MY_DOOR.length()) : c.text();
            assertThat(words).isEqualTo(words.toLowerCase(Locale.ROOT)).isNotBlank();
            assertThat(words.split(" ")).hasSizeBetween(1, ContactScript.SHORT_REPORT_MAX_WORDS);
            assertThat(c.kind()).isEqualTo(Kind.REPORT);
            assertThat(c.subject()).as("the text is all there is").isNull();
            assertThat(c.intendedTeam()).isIn("openbare-ruimte", "veiligheid", "omgeving", "kcc");
        });
        assertThat(reports).anyMatch(c -> c.text().endsWith(ContactScript.AT_MY_DOOR))
                .anyMatch(c -> !c.text().endsWith(ContactScript.AT_MY_DOOR));
    }

    @Test
    void ownSituationQuestionsGoToTheProductsChainTeam() {
        List<ScriptedContact> questions = script.day(500, 7, 0.5).stream()
                .filter(c -> c.phrasing() == Phrasing.OWN_SITUATION).toList();

        assertThat(questions).isNotEmpty().allSatisfy(c -> {
            assertThat(c.text()).endsWith("?");
            assertThat(c.kind()).isEqualTo(Kind.OWN_CASE);
            assertThat(c.intendedTeam()).isIn(DefaultTeams.CHAIN_TEAMS);
            assertThat(c.productCode()).as("no product chosen in a form").isNull();
        });
        assertThat(questions).anyMatch(c -> c.text().startsWith("Kan ik hulp krijgen bij ") && "sociaal-domein".equals(c.intendedTeam()));
    }

    @Test
    void categoryNamesAreShortenedAsPeopleSayThem() {
        Random random = new Random(1);
        assertThat(ContactScript.shortName("Boom - dood", random)).isEqualTo("boom dood");
        assertThat(ContactScript.shortName("Drank- / drugsoverlast", random)).isEqualTo("drugsoverlast");
        assertThat(ContactScript.shortName("Auto- / scooter- / bromfiets(wrak)", random)).isEqualTo("bromfietswrak");
        assertThat(ContactScript.shortName("Graffiti / wildplak", random)).isIn("graffiti", "wildplak");
        assertThat(ContactScript.shortName("Autom. Verzinkbare palen", random)).isEqualTo("autom verzinkbare palen");
    }
}
