package nl.loket.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;

/** One realistic example of every event type, with every optional field filled. */
final class ExampleEvents {

    static final String CONTACT = "0b9f3c1e-4a51-4c57-9b5e-2f3d6c7a8e90";
    static final Instant T = Instant.parse("2026-11-27T09:15:00Z");
    static final String CITIZEN_REF = "3f5a0c1b2d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
    static final String KAPVERGUNNING = "http://standaarden.overheid.nl/owms/terms/kapvergunning";

    private ExampleEvents() {
    }

    static List<Record> all() {
        CitizenDetails citizen = new CitizenDetails(CITIZEN_REF, "J. de Vries", "j.devries@example.nl", "0612345678");
        HandlingTerm term = new HandlingTerm(8, TermUnit.WORKING_DAYS);
        return List.of(
                new ContactReceived(CONTACT, "GM0363", Channel.WEB_FORM, T, T.plusSeconds(1), "Kapvergunning",
                        "Ik wil een boom in mijn tuin kappen, heb ik een vergunning nodig?", "nl", citizen,
                        "Z-2026-0001", KAPVERGUNNING, "3", "omgeving", "c-earlier", "webform-1", "ext-42"),
                new ContactRouted(CONTACT, "GM0363", Channel.WEB_FORM, T, 0, Tier.FIRST_LINE, "kcc",
                        "Algemene vraag over de kapvergunning; de kennisbank heeft het antwoord.", 0.86, "generic-question",
                        KAPVERGUNNING, "Kapvergunning", "vac-12", "overlast/geluid", "chain-specialised-kcc", 1,
                        "omgeving", T.plusSeconds(2), "c-earlier"),
                new ContactAssigned(CONTACT, "omgeving", Tier.CHAIN_TEAM, 1, "GM0363", Channel.WEB_FORM, T,
                        "Kapvergunning", "Wanneer beslist u over mijn aanvraag?", "nl", citizen, "Z-2026-0001",
                        KAPVERGUNNING, "Kapvergunning", "overlast/geluid", term, "Vraag over eigen aanvraag", 0.9, "kcc",
                        "Inhoudelijke vraag over de eigen aanvraag", "c-earlier", T.plusSeconds(3)),
                new ContactHandled(CONTACT, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Outcome.ANSWERED, "agent-7",
                        "Gemeente Amsterdam", true, T.plusSeconds(300)),
                new ContactTransferRequested(CONTACT, "kcc", "omgeving", 0, "Vraag over eigen aanvraag", "agent-7",
                        T.plusSeconds(120)),
                new CallbackRequested(CONTACT, "cb-1", "kcc", "omgeving", "behandelaar-3", T.plusSeconds(86400),
                        "agent-7", T.plusSeconds(200)),
                new CallbackCompleted(CONTACT, "cb-1", "omgeving", true, "behandelaar-3", T.plusSeconds(7200)),
                new DeadlineApproaching(CONTACT, "omgeving", T.plusSeconds(86400), T.plusSeconds(80000)),
                new DeadlineBreached(CONTACT, "omgeving", T.plusSeconds(86400), T.plusSeconds(86401)),
                new CaseStatusChanged("Z-2026-0001", "GM0363", KAPVERGUNNING, "omgeving", "IN_BEHANDELING",
                        "De aanvraag is in behandeling", LocalDate.parse("2026-12-20"), T),
                new TeamChanged("omgeving", "Omgeving", Tier.CHAIN_TEAM, List.of("Gemeente", "Omgevingsdienst"),
                        List.of(Channel.PHONE, Channel.WEB_FORM)),
                new ProductChanged(KAPVERGUNNING, "Kapvergunning", "aanvraag", "Omgevingswet", List.of("boom", "kappen"),
                        "omgeving", term),
                new CategoryChanged("overlast/geluid", "overlast", "Geluidsoverlast", "Overlast door geluid",
                        List.of("lawaai"), "veiligheid", new HandlingTerm(5, TermUnit.CALENDAR_DAYS)),
                new ArticleChanged("vac-12", "Heb ik een kapvergunning nodig?", "Dat hangt af van …",
                        List.of(KAPVERGUNNING), List.of("bomen"), "Rijksoverheid", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2027-01-01")));
    }
}
