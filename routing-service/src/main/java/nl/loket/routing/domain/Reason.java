package nl.loket.routing.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why a contact goes where it goes, as facts rather than a sentence: a kind and its parameters, so that one decision
 * can be shown in Dutch (the default) or English ({@code service/ReasonTexts}) without deciding twice. The
 * parameters name teams, cue phrases from the cue list and matched knowledge (product, category, article, a known
 * case's reference and status) — never the citizen's text, an unmatched case reference or an agent's free text.
 *
 * @param cues  intent cue phrases that were recognised (at most three); empty when none or not relevant
 * @param cause for {@link Kind#TRANSFER_ROUTED_AGAIN}: the reason of the new decision; null otherwise
 */
public record Reason(Kind kind, Map<Param, String> params, List<String> cues, Reason cause) {

    /** The longest reason the events allow ({@code reason} in the ContactRouted and ContactAssigned schemas). */
    public static final int MAX_LENGTH = 1000;

    public enum Kind {
        /** The citizen (or the desk) chose a product, category or team: {@code LABEL, SOURCE, TEAM}. */
        EXPLICIT_CHOICE,
        /** A question about a known case: {@code CASE_REFERENCE, STATUS, [EXPECTED_DECISION], FIRST_LINE}. */
        KNOWN_CASE,
        /** A generic information question: cues, {@code [SUBJECT], [ARTICLE], FIRST_LINE}. */
        INFORMATION_QUESTION,
        /** No confident match, the first line triages: {@code CONFIDENCE, [SUBJECT, GUESS_TEAM], FIRST_LINE}. */
        LOW_CONFIDENCE,
        /** The policy's first rule sends everything to the first line: {@code POLICY, FIRST_LINE}. */
        FIRST_LINE_TAKES_ALL,
        /** No earlier rule of the policy placed the contact, the first line takes it: {@code POLICY, FIRST_LINE}. */
        FIRST_LINE_OTHERWISE,
        /** Another rule that routes to the first line: {@code POLICY, FIRST_LINE}. */
        FIRST_LINE_BY_POLICY,
        /** The citizen's own case, application, objection or report: cues, {@code [SUBJECT], TEAM}. */
        OWN_CASE,
        /** A status question about a case routing does not know: {@code [SUBJECT], TEAM}. */
        UNKNOWN_CASE,
        /** The policy forwards what matches to the handling team: {@code [SUBJECT], TEAM, POLICY}. */
        MATCHED,
        /** Another rule that routes to the handling team: {@code [SUBJECT], TEAM, POLICY}. */
        HANDLING_TEAM_BY_POLICY,
        /**
         * The trained text model recognised the team: {@code TEAM, CONFIDENCE, MODEL_VERSION} and its strongest words
         * (in {@code cues}: only words of the knowledge itself, never a name or an address).
         */
        MODEL,
        /** No rule could place it; the best remaining team: {@code POLICY, TEAM}. */
        FALLBACK,
        /** A known team without its topic; the first line instead: {@code TEAM, TEAM_ID, FIRST_LINE}. */
        TEAM_TOPIC_MISSING,
        /** A team the knowledge does not know; the first line instead: {@code TEAM_ID, FIRST_LINE}. */
        UNKNOWN_TEAM,
        /** A team hands the contact to the team it asked for: {@code FROM_TEAM, TEAM}. */
        TRANSFER_TO_REQUESTED_TEAM,
        /** A team hands the contact on and it is routed again without that team: {@code FROM_TEAM} and the cause. */
        TRANSFER_ROUTED_AGAIN,
        /** A reason read back from the database (a redelivery): only its text as first published remains. */
        STORED
    }

    public enum Param {
        TEAM, TEAM_ID, FIRST_LINE, FROM_TEAM, GUESS_TEAM, SUBJECT, ARTICLE, LABEL, SOURCE, CASE_REFERENCE, STATUS,
        EXPECTED_DECISION, CONFIDENCE, POLICY, TEXT, MODEL_VERSION
    }

    /** Where an explicit choice was made. */
    public enum Source { WEB_FORM, PHONE_MENU, DESK }

    public Reason {
        params = Collections.unmodifiableMap(params.isEmpty() ? new EnumMap<>(Param.class) : new EnumMap<>(params));
        cues = cues == null ? List.of() : List.copyOf(cues.subList(0, Math.min(3, cues.size())));
    }

    /** The parameter, or null when this reason has none. */
    public String get(Param param) {
        return params.get(param);
    }

    public static Reason explicitChoice(String label, Source source, String team) {
        return of(Kind.EXPLICIT_CHOICE, Param.LABEL, label, Param.SOURCE, source.name(), Param.TEAM, team);
    }

    public static Reason knownCase(String caseReference, String status, String expectedDecision, String firstLine) {
        return of(Kind.KNOWN_CASE, Param.CASE_REFERENCE, caseReference, Param.STATUS, status,
                Param.EXPECTED_DECISION, expectedDecision, Param.FIRST_LINE, firstLine);
    }

    public static Reason informationQuestion(List<String> cues, String subject, String article, String firstLine) {
        return new Reason(Kind.INFORMATION_QUESTION,
                params(Param.SUBJECT, subject, Param.ARTICLE, article, Param.FIRST_LINE, firstLine), cues, null);
    }

    public static Reason lowConfidence(double confidence, String subject, String guessTeam, String firstLine) {
        return of(Kind.LOW_CONFIDENCE, Param.CONFIDENCE, Double.toString(confidence), Param.SUBJECT,
                guessTeam == null ? null : subject, Param.GUESS_TEAM, guessTeam, Param.FIRST_LINE, firstLine);
    }

    public static Reason firstLineByPolicy(Kind kind, String policy, String firstLine) {
        if (kind != Kind.FIRST_LINE_TAKES_ALL && kind != Kind.FIRST_LINE_OTHERWISE && kind != Kind.FIRST_LINE_BY_POLICY) {
            throw new IllegalArgumentException("not a first-line policy reason: " + kind);
        }
        return of(kind, Param.POLICY, policy, Param.FIRST_LINE, firstLine);
    }

    public static Reason ownCase(List<String> cues, String subject, String team) {
        return new Reason(Kind.OWN_CASE, params(Param.SUBJECT, subject, Param.TEAM, team), cues, null);
    }

    public static Reason unknownCase(String subject, String team) {
        return of(Kind.UNKNOWN_CASE, Param.SUBJECT, subject, Param.TEAM, team);
    }

    public static Reason matched(String subject, String team, String policy) {
        return of(Kind.MATCHED, Param.SUBJECT, subject, Param.TEAM, team, Param.POLICY, policy);
    }

    public static Reason handlingTeamByPolicy(String subject, String team, String policy) {
        return of(Kind.HANDLING_TEAM_BY_POLICY, Param.SUBJECT, subject, Param.TEAM, team, Param.POLICY, policy);
    }

    public static Reason model(String team, double confidence, int version, List<String> words) {
        return new Reason(Kind.MODEL, params(Param.TEAM, team, Param.CONFIDENCE, Double.toString(confidence),
                Param.MODEL_VERSION, Integer.toString(version)), words, null);
    }

    public static Reason fallback(String policy, String team) {
        return of(Kind.FALLBACK, Param.POLICY, policy, Param.TEAM, team);
    }

    public static Reason teamTopicMissing(String team, String teamId, String firstLine) {
        return of(Kind.TEAM_TOPIC_MISSING, Param.TEAM, team, Param.TEAM_ID, teamId, Param.FIRST_LINE, firstLine);
    }

    public static Reason unknownTeam(String teamId, String firstLine) {
        return of(Kind.UNKNOWN_TEAM, Param.TEAM_ID, teamId, Param.FIRST_LINE, firstLine);
    }

    public static Reason transferToRequestedTeam(String fromTeam, String team) {
        return of(Kind.TRANSFER_TO_REQUESTED_TEAM, Param.FROM_TEAM, fromTeam, Param.TEAM, team);
    }

    public static Reason transferRoutedAgain(String fromTeam, Reason cause) {
        return new Reason(Kind.TRANSFER_ROUTED_AGAIN, params(Param.FROM_TEAM, fromTeam), List.of(), cause);
    }

    /** A reason as stored with a decision: its text, as first published, in every language. */
    public static Reason stored(String text) {
        return of(Kind.STORED, Param.TEXT, text);
    }

    private static Reason of(Kind kind, Object... keysAndValues) {
        return new Reason(kind, params(keysAndValues), List.of(), null);
    }

    private static Map<Param, String> params(Object... keysAndValues) {
        Map<Param, String> params = new EnumMap<>(Param.class);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                params.put((Param) keysAndValues[i], (String) keysAndValues[i + 1]);
            }
        }
        return params;
    }
}
