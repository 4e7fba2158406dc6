package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.demo.ContactScript.Kind;
import nl.loket.demo.ContactScript.Phrasing;
import nl.loket.demo.ContactScript.ScriptedContact;

class LearningDayTest {

    private static ScriptedContact contact(int seq, String intendedTeam, Phrasing phrasing) {
        return new ScriptedContact(seq, Kind.GENERIC_QUESTION, Channel.PHONE, null, "tekst", null, null, intendedTeam, 0.5,
                phrasing);
    }

    private static final Map<String, ScriptedContact> CONTACTS = Map.of(
            "c1", contact(1, "kcc", Phrasing.TEMPLATE),
            "c2", contact(2, "sociaal-domein", Phrasing.OWN_SITUATION),
            "c3", contact(3, "openbare-ruimte", Phrasing.SHORT_REPORT),
            "c4", contact(4, "belastingen", Phrasing.TEMPLATE),
            "c5", contact(5, "omgeving", Phrasing.TEMPLATE));

    @Test
    void accuracyIsTheShareOfObservedContactsWhoseFirstTeamIsTheIntendedOne() {
        // c5 was never seen at hop 0: it does not count either way
        Map<String, String> firstTeams = Map.of("c1", "kcc", "c2", "kcc", "c3", "openbare-ruimte", "c4", "belastingen");

        LearningDay day = LearningDay.of(3, CONTACTS, firstTeams, 5, 2, 4, null);

        assertThat(day.contacts()).isEqualTo(5);
        assertThat(day.observed()).isEqualTo(4);
        assertThat(day.routedRight()).isEqualTo(3);
        assertThat(day.accuracy()).isCloseTo(0.75, within(1e-9));
        assertThat(day.hardObserved()).isEqualTo(2);
        assertThat(day.hardRoutedRight()).isEqualTo(1);
        assertThat(day.hardAccuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(day.modelVersion()).isEqualTo(4);
    }

    @Test
    void transferRateIsTransfersPerAcceptedContact() {
        LearningDay day = LearningDay.of(1, CONTACTS, Map.of(), 5, 2, null, null);

        assertThat(day.transferRate()).isCloseTo(0.4, within(1e-9));
        assertThat(day.accuracy()).as("nothing observed").isNaN();
    }

    @Test
    void aDayWithoutContactsHasNoRatesRatherThanZeroes() {
        LearningDay day = LearningDay.of(1, Map.of(), Map.of(), 0, 0, null, null);

        assertThat(day.accuracy()).isNaN();
        assertThat(day.hardAccuracy()).isNaN();
        assertThat(day.transferRate()).isNaN();
    }

    @Test
    void theTableShowsEveryDayWithTheModelAndWhatTheRetrainDid() {
        TrainReport promoted = new TrainReport(2, true, 2, 1, 0.912, 0.88, 700, 1200, 240, null);
        TrainReport kept = new TrainReport(3, false, 2, 2, 0.85, 0.9, 700, 1500, 260, null);
        List<LearningDay> week = List.of(new LearningDay(1, 400, 400, 400, 300, 100, 30, 120, 1, promoted),
                new LearningDay(2, 400, 399, 400, 360, 100, 80, 60, 2, kept),
                new LearningDay(3, 400, 399, 400, 360, 100, 80, 60, 2, null));

        String table = LearningWeek.table(week);

        assertThat(table).contains("75.0%").contains("30.0%").contains("90.0%").contains("15.0%")
                .contains("promoted v2 (91.2% vs live 88.0%)").contains("kept v2 (candidate v3 85.0% vs live 90.0%)")
                .contains("failed");
        assertThat(table.lines()).hasSize(4);
    }
}
