package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.loket.routing.domain.Reason;
import nl.loket.routing.service.ReasonTexts;

/** One reason, two languages: the sentences an agent reads, Dutch by default. */
class ReasonTextsTest {

    private static final String KCC = "Klantcontactcentrum";

    /** One example of every kind, with the Dutch sentence it gives. */
    private static final Map<Reason, String> DUTCH = Map.ofEntries(
            Map.entry(Reason.explicitChoice("Afval", Reason.Source.PHONE_MENU, "Beheer Openbare Ruimte"),
                    "De burger koos zelf 'Afval' in het telefoonmenu; Beheer Openbare Ruimte handelt dit af."),
            Map.entry(Reason.explicitChoice("omgevingsvergunning kap", Reason.Source.WEB_FORM, "Ketenteam Omgeving"),
                    "De burger koos zelf 'omgevingsvergunning kap' in het webformulier; Ketenteam Omgeving handelt dit "
                            + "af."),
            Map.entry(Reason.explicitChoice("Parkeeroverlast", Reason.Source.DESK, "Ketenteam Veiligheid"),
                    "De balie koos het onderwerp 'Parkeeroverlast'; Ketenteam Veiligheid handelt dit af."),
            Map.entry(Reason.knownCase("OV-2026-00042", "Advies welstand gevraagd", "2026-12-20", KCC),
                    "De burger vraagt naar zaak OV-2026-00042 en de stand daarvan is bekend (Advies welstand gevraagd; "
                            + "besluit verwacht op 20 december 2026); Klantcontactcentrum beantwoordt de vraag zelf, "
                            + "zonder door te zetten."),
            Map.entry(Reason.informationQuestion(List.of("hoe vraag ik", "wat kost", "?hoe"), "paspoort", "Paspoort "
                    + "aanvragen", KCC),
                    "De burger stelt een algemene informatievraag (herkend aan 'hoe vraag ik', 'wat kost' en een vraag "
                            + "die begint met 'hoe') over 'paspoort'; Klantcontactcentrum beantwoordt die direct (artikel 'Paspoort "
                            + "aanvragen')."),
            Map.entry(Reason.model("Ketenteam Veiligheid", 0.82, 3, List.of("verdacht", "deur")),
                    "Het tekstmodel (versie 3) herkent dit als werk voor Ketenteam Veiligheid (zekerheid 82%), vooral "
                            + "aan de woorden 'verdacht' en 'deur'; het leerde dat van eerder afgehandelde contacten en "
                            + "de kennisbank."),
            Map.entry(Reason.lowConfidence(0.183, "parkeervergunning", "Ketenteam Omgeving", KCC),
                    "Het is niet zeker welk team dit afhandelt (zekerheid 18%; het meest waarschijnlijk "
                            + "'parkeervergunning' bij Ketenteam Omgeving); Klantcontactcentrum bekijkt het contact en "
                            + "zet het zo nodig door."),
            Map.entry(Reason.lowConfidence(0.0, null, null, KCC),
                    "Er is geen team gevonden dat dit afhandelt; Klantcontactcentrum bekijkt het contact en zet het zo "
                            + "nodig door."),
            Map.entry(Reason.firstLineByPolicy(Reason.Kind.FIRST_LINE_TAKES_ALL, "one-kcc", KCC),
                    "Klantcontactcentrum neemt elk contact als eerste aan (werkwijze one-kcc)."),
            Map.entry(Reason.firstLineByPolicy(Reason.Kind.FIRST_LINE_OTHERWISE, "switchboard-plus", KCC),
                    "Geen ander team past bij dit contact; Klantcontactcentrum handelt het af (werkwijze "
                            + "switchboard-plus)."),
            Map.entry(Reason.firstLineByPolicy(Reason.Kind.FIRST_LINE_BY_POLICY, "eigen-beleid", KCC),
                    "Volgens werkwijze eigen-beleid gaat dit contact naar Klantcontactcentrum."),
            Map.entry(Reason.ownCase(List.of("mijn buren", "elke nacht"), "Geluidsoverlast muziek",
                    "Ketenteam Veiligheid"),
                    "Het gaat om een eigen zaak of melding van de burger (herkend aan 'mijn buren' en 'elke nacht') "
                            + "over 'Geluidsoverlast muziek'; Ketenteam Veiligheid handelt dit af."),
            Map.entry(Reason.ownCase(List.of("."), "Fietsrek / nietje", "Beheer Openbare Ruimte"),
                    "Het gaat om een eigen zaak of melding van de burger (herkend aan een mededeling in plaats van een "
                            + "vraag) over 'Fietsrek / nietje'; Beheer Openbare Ruimte handelt dit af."),
            Map.entry(Reason.unknownCase("omgevingsvergunning bouw", "Ketenteam Omgeving"),
                    "De burger vraagt naar de stand van een zaak die hier niet bekend is; Ketenteam Omgeving behandelt "
                            + "'omgevingsvergunning bouw' en kan de zaak opzoeken."),
            Map.entry(Reason.matched("omgevingsvergunning kap", "Ketenteam Omgeving", "stuck-in-the-middle"),
                    "Het contact gaat over 'omgevingsvergunning kap', een onderwerp van Ketenteam Omgeving; volgens "
                            + "werkwijze stuck-in-the-middle gaat zo'n contact direct naar dat team."),
            Map.entry(Reason.handlingTeamByPolicy("bezwaar", "Juridische Zaken", "eigen-beleid"),
                    "Volgens werkwijze eigen-beleid gaat dit contact over 'bezwaar' naar Juridische Zaken."),
            Map.entry(Reason.fallback("chain-specialised-kcc", "Ketenteam Omgeving"),
                    "Geen regel van werkwijze chain-specialised-kcc past op dit contact; Ketenteam Omgeving is de beste "
                            + "overgebleven keuze."),
            Map.entry(Reason.teamTopicMissing("Ketenteam Belastingen", "belastingen", KCC),
                    "Voor Ketenteam Belastingen bestaat (nog) geen eigen topic (team.belastingen.contacts); "
                            + "Klantcontactcentrum handelt het contact af."),
            Map.entry(Reason.unknownTeam("onbekend-team", KCC),
                    "Het team 'onbekend-team' is niet bekend; Klantcontactcentrum handelt het contact af."),
            Map.entry(Reason.transferToRequestedTeam("Ketenteam Veiligheid", "Juridische Zaken"),
                    "Ketenteam Veiligheid zet het contact door naar Juridische Zaken, zoals gevraagd."),
            Map.entry(Reason.transferRoutedAgain("Ketenteam Veiligheid",
                    Reason.ownCase(List.of("mijn buren"), "Geluidsoverlast muziek", "Beheer Openbare Ruimte")),
                    "Ketenteam Veiligheid zet het contact door en het is opnieuw verdeeld zonder Ketenteam Veiligheid. "
                            + "Het gaat om een eigen zaak of melding van de burger (herkend aan 'mijn buren') over 'Geluidsoverlast "
                            + "muziek'; Beheer Openbare Ruimte handelt dit af."),
            Map.entry(Reason.stored("Zoals eerder gepubliceerd."), "Zoals eerder gepubliceerd."));

    @Test
    void everyKindHasADutchSentence() {
        Set<Reason.Kind> kinds = EnumSet.noneOf(Reason.Kind.class);
        DUTCH.forEach((reason, sentence) -> {
            assertThat(ReasonTexts.DUTCH.render(reason)).isEqualTo(sentence);
            kinds.add(reason.kind());
        });
        assertThat(kinds).containsExactlyInAnyOrder(Reason.Kind.values());
    }

    @Test
    void theSameReasonReadsInEnglishWithTheSameFacts() {
        assertThat(ReasonTexts.ENGLISH.render(Reason.explicitChoice("Afval", Reason.Source.PHONE_MENU,
                "Beheer Openbare Ruimte")))
                .isEqualTo("The citizen chose 'Afval' in the phone menu; Beheer Openbare Ruimte handles it.");
        assertThat(ReasonTexts.ENGLISH.render(Reason.knownCase("OV-2026-00042", "Advies welstand gevraagd",
                "2026-12-20", KCC))).contains("OV-2026-00042").contains("20 December 2026").contains("without a "
                        + "transfer");
        DUTCH.keySet().stream().filter(r -> r.kind() != Reason.Kind.STORED).forEach(reason -> {
            String english = ReasonTexts.ENGLISH.render(reason);
            assertThat(english).as(reason.kind().name()).isNotEqualTo(ReasonTexts.DUTCH.render(reason));
            // the names and matched knowledge stay as they are
            reason.params().values().stream().filter(v -> !v.matches("[A-Z_]+|[0-9.-]+"))
                    .forEach(v -> assertThat(english).as(reason.kind().name()).contains(v));
        });
    }

    @Test
    void aReasonNeverExceedsWhatTheEventsAllow() {
        String longName = "x".repeat(Reason.MAX_LENGTH);
        for (ReasonTexts language : ReasonTexts.values()) {
            String text = language.render(Reason.informationQuestion(List.of("hoe"), longName, longName, KCC));
            assertThat(text).hasSize(Reason.MAX_LENGTH).endsWith("…");
        }
    }

    @Test
    void englishOnlyWhenTheCallerPrefersItToDutch() {
        assertThat(ReasonTexts.preferred(List.of())).isEqualTo(ReasonTexts.DUTCH);
        assertThat(ReasonTexts.preferred(List.of(Locale.forLanguageTag("nl-NL")))).isEqualTo(ReasonTexts.DUTCH);
        assertThat(ReasonTexts.preferred(List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("fr"))))
                .isEqualTo(ReasonTexts.DUTCH);
        assertThat(ReasonTexts.preferred(List.of(new Locale("*")))).isEqualTo(ReasonTexts.DUTCH);
        assertThat(ReasonTexts.preferred(List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)))
                .isEqualTo(ReasonTexts.DUTCH);
        assertThat(ReasonTexts.preferred(List.of(Locale.forLanguageTag("en-GB")))).isEqualTo(ReasonTexts.ENGLISH);
        assertThat(ReasonTexts.preferred(List.of(Locale.forLanguageTag("fr"), Locale.ENGLISH,
                Locale.forLanguageTag("nl")))).isEqualTo(ReasonTexts.ENGLISH);
    }
}
