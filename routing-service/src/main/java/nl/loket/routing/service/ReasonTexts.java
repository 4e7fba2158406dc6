package nl.loket.routing.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import nl.loket.routing.domain.Reason;
import nl.loket.routing.domain.Reason.Param;
import nl.loket.routing.text.IntentDetector;

/**
 * A {@link Reason} as the one sentence an agent reads: Dutch everywhere (events, stored decisions, the preview),
 * English in the preview when the caller asks for it. At most {@link Reason#MAX_LENGTH} characters.
 */
public enum ReasonTexts {

    DUTCH(Locale.forLanguageTag("nl")) {
        @Override
        String sentence(Reason r) {
            return switch (r.kind()) {
                case EXPLICIT_CHOICE -> switch (Reason.Source.valueOf(r.get(Param.SOURCE))) {
                    case WEB_FORM -> "De burger koos zelf '" + r.get(Param.LABEL) + "' in het webformulier; ";
                    case PHONE_MENU -> "De burger koos zelf '" + r.get(Param.LABEL) + "' in het telefoonmenu; ";
                    case DESK -> "De balie koos het onderwerp '" + r.get(Param.LABEL) + "'; ";
                } + r.get(Param.TEAM) + " handelt dit af.";
                case KNOWN_CASE -> "De burger vraagt naar zaak " + r.get(Param.CASE_REFERENCE)
                        + " en de stand daarvan is bekend (" + r.get(Param.STATUS)
                        + (r.get(Param.EXPECTED_DECISION) == null ? ""
                                : "; besluit verwacht op " + date(r.get(Param.EXPECTED_DECISION)))
                        + "); " + r.get(Param.FIRST_LINE) + " beantwoordt de vraag zelf, zonder door te zetten.";
                case INFORMATION_QUESTION -> "De burger stelt een algemene informatievraag"
                        + (r.cues().isEmpty() ? "" : " (herkend aan " + cues(r.cues()) + ")")
                        + (r.get(Param.SUBJECT) == null ? "" : " over '" + r.get(Param.SUBJECT) + "'")
                        + "; " + r.get(Param.FIRST_LINE) + " beantwoordt die direct"
                        + (r.get(Param.ARTICLE) == null ? "." : " (artikel '" + r.get(Param.ARTICLE) + "').");
                case LOW_CONFIDENCE -> (r.get(Param.GUESS_TEAM) == null
                        ? "Er is geen team gevonden dat dit afhandelt"
                        : "Het is niet zeker welk team dit afhandelt (zekerheid " + percent(r.get(Param.CONFIDENCE))
                                + "; het meest waarschijnlijk " + subjectAt(r, "bij") + ")")
                        + "; " + r.get(Param.FIRST_LINE) + " bekijkt het contact en zet het zo nodig door.";
                case FIRST_LINE_TAKES_ALL -> r.get(Param.FIRST_LINE) + " neemt elk contact als eerste aan (werkwijze "
                        + r.get(Param.POLICY) + ").";
                case FIRST_LINE_OTHERWISE -> "Geen ander team past bij dit contact; " + r.get(Param.FIRST_LINE)
                        + " handelt het af (werkwijze " + r.get(Param.POLICY) + ").";
                case FIRST_LINE_BY_POLICY -> "Volgens werkwijze " + r.get(Param.POLICY) + " gaat dit contact naar "
                        + r.get(Param.FIRST_LINE) + ".";
                case OWN_CASE -> "Het gaat om een eigen zaak of melding van de burger"
                        + (r.cues().isEmpty() ? "" : " (herkend aan " + cues(r.cues()) + ")")
                        + (r.get(Param.SUBJECT) == null ? "" : " over '" + r.get(Param.SUBJECT) + "'")
                        + "; " + r.get(Param.TEAM) + " handelt dit af.";
                case UNKNOWN_CASE -> "De burger vraagt naar de stand van een zaak die hier niet bekend is; "
                        + r.get(Param.TEAM) + " behandelt "
                        + (r.get(Param.SUBJECT) == null ? "dit onderwerp" : "'" + r.get(Param.SUBJECT) + "'")
                        + " en kan de zaak opzoeken.";
                case MATCHED -> "Het contact gaat over "
                        + (r.get(Param.SUBJECT) == null ? "" : "'" + r.get(Param.SUBJECT) + "', ")
                        + "een onderwerp van " + r.get(Param.TEAM) + "; volgens werkwijze " + r.get(Param.POLICY)
                        + " gaat zo'n contact direct naar dat team.";
                case HANDLING_TEAM_BY_POLICY -> "Volgens werkwijze " + r.get(Param.POLICY) + " gaat dit contact"
                        + (r.get(Param.SUBJECT) == null ? "" : " over '" + r.get(Param.SUBJECT) + "'") + " naar "
                        + r.get(Param.TEAM) + ".";
                case MODEL -> "Het tekstmodel (versie " + r.get(Param.MODEL_VERSION) + ") herkent dit als werk voor "
                        + r.get(Param.TEAM) + " (zekerheid " + percent(r.get(Param.CONFIDENCE)) + ")"
                        + (r.cues().isEmpty() ? "" : ", vooral aan de woorden " + cues(r.cues()))
                        + "; het leerde dat van eerder afgehandelde contacten en de kennisbank.";
                case FALLBACK -> "Geen regel van werkwijze " + r.get(Param.POLICY) + " past op dit contact; "
                        + r.get(Param.TEAM) + " is de beste overgebleven keuze.";
                case TEAM_TOPIC_MISSING -> "Voor " + r.get(Param.TEAM) + " bestaat (nog) geen eigen topic (team."
                        + r.get(Param.TEAM_ID) + ".contacts); " + r.get(Param.FIRST_LINE) + " handelt het contact af.";
                case UNKNOWN_TEAM -> "Het team '" + r.get(Param.TEAM_ID) + "' is niet bekend; "
                        + r.get(Param.FIRST_LINE) + " handelt het contact af.";
                case TRANSFER_TO_REQUESTED_TEAM -> r.get(Param.FROM_TEAM) + " zet het contact door naar "
                        + r.get(Param.TEAM) + ", zoals gevraagd.";
                case TRANSFER_ROUTED_AGAIN -> r.get(Param.FROM_TEAM) + " zet het contact door en het is opnieuw "
                        + "verdeeld zonder " + r.get(Param.FROM_TEAM) + ". " + sentence(r.cause());
                case STORED -> r.get(Param.TEXT);
            };
        }
    },

    ENGLISH(Locale.ENGLISH) {
        @Override
        String sentence(Reason r) {
            return switch (r.kind()) {
                case EXPLICIT_CHOICE -> switch (Reason.Source.valueOf(r.get(Param.SOURCE))) {
                    case WEB_FORM -> "The citizen chose '" + r.get(Param.LABEL) + "' in the web form; ";
                    case PHONE_MENU -> "The citizen chose '" + r.get(Param.LABEL) + "' in the phone menu; ";
                    case DESK -> "The desk chose the topic '" + r.get(Param.LABEL) + "'; ";
                } + r.get(Param.TEAM) + " handles it.";
                case KNOWN_CASE -> "The citizen asks about case " + r.get(Param.CASE_REFERENCE)
                        + ", whose status is known ("
                        + r.get(Param.STATUS) + (r.get(Param.EXPECTED_DECISION) == null ? ""
                                : "; decision expected on " + date(r.get(Param.EXPECTED_DECISION)))
                        + "); " + r.get(Param.FIRST_LINE) + " answers it without a transfer.";
                case INFORMATION_QUESTION -> "A general information question"
                        + (r.cues().isEmpty() ? "" : " (recognised by " + cues(r.cues()) + ")")
                        + (r.get(Param.SUBJECT) == null ? "" : " about '" + r.get(Param.SUBJECT) + "'")
                        + "; " + r.get(Param.FIRST_LINE) + " answers it directly"
                        + (r.get(Param.ARTICLE) == null ? "." : " (article '" + r.get(Param.ARTICLE) + "').");
                case LOW_CONFIDENCE -> (r.get(Param.GUESS_TEAM) == null
                        ? "No team was found that handles this"
                        : "It is not certain which team handles this (confidence " + percent(r.get(Param.CONFIDENCE))
                                + "; most likely " + subjectAt(r, "for") + ")")
                        + "; " + r.get(Param.FIRST_LINE) + " triages the contact and hands it on if needed.";
                case FIRST_LINE_TAKES_ALL -> r.get(Param.FIRST_LINE) + " takes every contact first (policy "
                        + r.get(Param.POLICY) + ").";
                case FIRST_LINE_OTHERWISE -> "No other team fits this contact; " + r.get(Param.FIRST_LINE)
                        + " handles it (policy " + r.get(Param.POLICY) + ").";
                case FIRST_LINE_BY_POLICY -> "Policy " + r.get(Param.POLICY) + " sends this contact to "
                        + r.get(Param.FIRST_LINE) + ".";
                case OWN_CASE -> "The contact is about the citizen's own case or report"
                        + (r.cues().isEmpty() ? "" : " (recognised by " + cues(r.cues()) + ")")
                        + (r.get(Param.SUBJECT) == null ? "" : " concerning '" + r.get(Param.SUBJECT) + "'")
                        + "; " + r.get(Param.TEAM) + " handles it.";
                case UNKNOWN_CASE -> "The citizen asks about the status of a case that is not known here; "
                        + r.get(Param.TEAM) + ", which handles "
                        + (r.get(Param.SUBJECT) == null ? "this subject" : "'" + r.get(Param.SUBJECT) + "'")
                        + ", can look it up.";
                case MATCHED -> "The contact concerns "
                        + (r.get(Param.SUBJECT) == null ? "a subject" : "'" + r.get(Param.SUBJECT) + "'")
                        + ", which " + r.get(Param.TEAM) + " handles; policy " + r.get(Param.POLICY)
                        + " forwards such contacts to the handling team.";
                case HANDLING_TEAM_BY_POLICY -> "Policy " + r.get(Param.POLICY) + " sends this contact"
                        + (r.get(Param.SUBJECT) == null ? "" : " about '" + r.get(Param.SUBJECT) + "'") + " to "
                        + r.get(Param.TEAM) + ".";
                case MODEL -> "The text model (version " + r.get(Param.MODEL_VERSION) + ") recognises this as work for "
                        + r.get(Param.TEAM) + " (confidence " + percent(r.get(Param.CONFIDENCE)) + ")"
                        + (r.cues().isEmpty() ? "" : ", mostly by the words " + cues(r.cues()))
                        + "; it learnt that from contacts settled before and from the knowledge base.";
                case FALLBACK -> "No rule of policy " + r.get(Param.POLICY) + " fits this contact; "
                        + r.get(Param.TEAM) + " is the best remaining choice.";
                case TEAM_TOPIC_MISSING -> r.get(Param.TEAM) + " has no topic of its own (team." + r.get(Param.TEAM_ID)
                        + ".contacts) yet; " + r.get(Param.FIRST_LINE) + " handles the contact.";
                case UNKNOWN_TEAM -> "The team '" + r.get(Param.TEAM_ID) + "' is not known; " + r.get(Param.FIRST_LINE)
                        + " handles the contact.";
                case TRANSFER_TO_REQUESTED_TEAM -> r.get(Param.FROM_TEAM) + " hands the contact on to "
                        + r.get(Param.TEAM) + ", as requested.";
                case TRANSFER_ROUTED_AGAIN -> r.get(Param.FROM_TEAM) + " hands the contact on; it was routed again "
                        + "without " + r.get(Param.FROM_TEAM) + ". " + sentence(r.cause());
                case STORED -> r.get(Param.TEXT);
            };
        }
    };

    private final Locale locale;

    ReasonTexts(Locale locale) {
        this.locale = locale;
    }

    /** The reason as one sentence in this language, clipped to {@link Reason#MAX_LENGTH}. */
    public String render(Reason reason) {
        String s = sentence(reason);
        return s.length() <= Reason.MAX_LENGTH ? s : s.substring(0, Reason.MAX_LENGTH - 1) + "…";
    }

    /** The language as a BCP 47 tag ({@code nl}, {@code en}), e.g. for {@code Content-Language}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    abstract String sentence(Reason reason);

    /**
     * The language for a caller's acceptable languages (most preferred first, as JAX-RS
     * {@code HttpHeaders.getAcceptableLanguages()} gives them): English only when English comes before Dutch;
     * Dutch otherwise, also for none, a wildcard or only other languages.
     */
    public static ReasonTexts preferred(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            String language = l.getLanguage();
            if ("nl".equalsIgnoreCase(language)) {
                return DUTCH;
            }
            if ("en".equalsIgnoreCase(language)) {
                return ENGLISH;
            }
        }
        return DUTCH;
    }

    String date(String isoDate) {
        try {
            return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    static String percent(String confidence) {
        return Math.round(Double.parseDouble(confidence) * 100) + "%";
    }

    /** "'hoe', 'wat kost' en een vraag die begint met 'wat'". */
    String cues(List<String> cues) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            s.append(i == 0 ? "" : i == cues.size() - 1 ? " " + and() + " " : ", ").append(cue(cues.get(i)));
        }
        return s.toString();
    }

    private String cue(String cue) {
        if (cue.equals(IntentDetector.STATEMENT_CUE)) {
            return this == DUTCH ? "een mededeling in plaats van een vraag" : "a statement rather than a question";
        }
        if (cue.equals(IntentDetector.SITUATION_CUE)) {
            return this == DUTCH ? "een vraag met de eigen situatie erbij"
                    : "a question that comes with the citizen's own situation";
        }
        if (cue.startsWith(IntentDetector.QUESTION_WORD_CUE)) {
            String word = cue.substring(IntentDetector.QUESTION_WORD_CUE.length());
            return this == DUTCH ? "een vraag die begint met '" + word + "'"
                    : "a question starting with '" + word + "'";
        }
        return "'" + cue + "'";
    }

    private String and() {
        return this == DUTCH ? "en" : "and";
    }

    /** "'Parkeervergunning' bij Ketenteam Omgeving", or the team alone when nothing is named. */
    static String subjectAt(Reason r, String preposition) {
        String subject = r.get(Param.SUBJECT);
        return subject == null ? r.get(Param.GUESS_TEAM)
                : "'" + subject + "' " + preposition + " " + r.get(Param.GUESS_TEAM);
    }
}
