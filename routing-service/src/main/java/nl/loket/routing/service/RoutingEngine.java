package nl.loket.routing.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.Tier;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Intent;
import nl.loket.routing.domain.Match;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.domain.Reason;
import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.domain.Signal;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.model.ModelPrediction;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.text.IntentDetector;

/**
 * The routing decision: pure (no Kafka, HTTP or database), so it is tested and benchmarked on its own.
 * It reads the explicit signals, the intent (Dutch cue phrases) and the best knowledge matches (BM25), then
 * applies the policy's rules in order; the first rule that fires decides, and says why ({@link Reason}: the facts,
 * rendered as one sentence per language by {@link ReasonTexts}).
 */
public final class RoutingEngine {

    private static final int SEARCH_DEPTH = 10;
    /** BM25 score at which the match strength is one half. */
    private static final double HALF_STRENGTH_SCORE = 4.0;
    private static final Pattern CASE_REFERENCE = Pattern.compile("\\b[A-Za-z]{1,8}-?[0-9][A-Za-z0-9-]{2,40}\\b");

    /** Decides for a contact, on the rules alone (no trained model). */
    public RoutingDecision decide(ContactFacts contact, Policy policy, KnowledgeSnapshot knowledge) {
        return decide(contact, policy, knowledge, Set.of(), null);
    }

    /** Decides for a contact with the trained team model ({@code model} null: the rules alone). */
    public RoutingDecision decide(ContactFacts contact, Policy policy, KnowledgeSnapshot knowledge, TeamModel model) {
        return decide(contact, policy, knowledge, Set.of(), model);
    }

    /** Decides for a contact, never choosing one of {@code excludedTeams} (the team that asked for a transfer). */
    public RoutingDecision decide(ContactFacts contact, Policy policy, KnowledgeSnapshot knowledge,
            Set<String> excludedTeams) {
        return decide(contact, policy, knowledge, excludedTeams, null);
    }

    /**
     * Decides for a contact, never choosing one of {@code excludedTeams}, with the trained team model as one more
     * signal (its policy rules {@code MODEL_CONFIDENT} → {@code MODEL_TEAM}); the decision names the model version.
     */
    public RoutingDecision decide(ContactFacts contact, Policy policy, KnowledgeSnapshot knowledge,
            Set<String> excludedTeams, TeamModel model) {
        return decide(analyse(contact, knowledge, excludedTeams, model), policy, knowledge, excludedTeams);
    }

    /** Decides on an analysis already made (the preview shows both). */
    public RoutingDecision decide(Analysis analysis, Policy policy, KnowledgeSnapshot knowledge,
            Set<String> excludedTeams) {
        return toProvisionedTeam(decideByRules(analysis, policy, knowledge, excludedTeams), knowledge)
                .withModelVersion(analysis.modelVersion);
    }

    /** Which kind of signal made a decision of this policy: explicit, known case, the model or the other rules. */
    public static Signal signalOf(RoutingDecision d, Policy policy) {
        if (Policy.Rule.TRANSFER_REQUESTED_TEAM.equals(d.rule())) {
            return Signal.TRANSFER;
        }
        Policy.Condition when = policy.rules().stream().filter(r -> r.id().equals(d.rule())).map(Policy.Rule::when)
                .findFirst().orElse(null);
        if (when == null) {
            return Signal.RULES;
        }
        return switch (when) {
            case EXPLICIT_SIGNAL -> Signal.EXPLICIT;
            case KNOWN_CASE_QUESTION -> Signal.CASE;
            case MODEL_CONFIDENT, MODEL_CONFIDENT_UNLESS_GENERAL_QUESTION -> Signal.MODEL;
            default -> Signal.RULES;
        };
    }

    /**
     * Routing only hands to teams it knows and whose topic {@code team.<teamId>.contacts} exists: a decision for
     * another team goes to the first line instead, saying why ({@link RoutingDecision#teamWithoutTopic()} names a
     * known team without a topic). The first line itself is never redirected.
     */
    public RoutingDecision toProvisionedTeam(RoutingDecision d, KnowledgeSnapshot k) {
        String firstLine = k.firstLineTeam();
        String team = d.teamId();
        boolean known = k.knowsTeam(team);
        if (team == null || team.equals(firstLine) || (known && k.hasTeamTopic(team))) {
            return d;
        }
        Reason reason = known ? Reason.teamTopicMissing(k.teamName(team), team, k.teamName(firstLine))
                : Reason.unknownTeam(team, k.teamName(firstLine));
        return new RoutingDecision(k.tierOf(firstLine), firstLine, reason, d.confidence(),
                known ? Policy.Rule.TEAM_TOPIC_MISSING : Policy.Rule.UNKNOWN_TEAM, d.productUri(), d.productName(),
                d.articleId(), d.categoryId(), d.handlingTerm(), d.policyName(), d.policyVersion(),
                known ? team : null);
    }

    private RoutingDecision decideByRules(Analysis analysis, Policy policy, KnowledgeSnapshot knowledge,
            Set<String> excludedTeams) {
        String firstLine = knowledge.firstLineTeam();
        for (Policy.Rule rule : policy.rules()) {
            if (!fires(rule, policy, analysis)) {
                continue;
            }
            Optional<RoutingDecision> decision = route(rule, policy, analysis, knowledge, firstLine, excludedTeams);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        // no rule could place it (e.g. the first line itself asked to hand it on and nothing matched)
        String team = analysis.topTeam != null ? analysis.topTeam : firstLine;
        return decision(policy, knowledge, team, Policy.Rule.FALLBACK, analysis, analysis.confidence,
                Reason.fallback(policy.name(), knowledge.teamName(team)));
    }

    /** The text signals of a contact, for the decision and for explaining it. */
    public Analysis analyse(ContactFacts contact, KnowledgeSnapshot knowledge, Set<String> excludedTeams) {
        return analyse(contact, knowledge, excludedTeams, null);
    }

    /** The text signals of a contact, with the trained model's prediction when there is a model. */
    public Analysis analyse(ContactFacts contact, KnowledgeSnapshot knowledge, Set<String> excludedTeams,
            TeamModel model) {
        Analysis a = new Analysis();
        String content = contact.fullText();
        if (model != null) {
            // asked only when a rule needs it (most contacts are placed before the model's rule) or for the preview
            a.modelVersion = model.version();
            a.modelOutcomes = model.contactExamples();
            a.modelQuestion = () -> model.predict(content, t -> knowledge.knowsTeam(t) && !excludedTeams.contains(t),
                    knowledge::isKnowledgeWord);
        }
        var tokens = knowledge.text().analyse(content);
        a.intent = knowledge.intents().detect(content, tokens.cueTokens());
        a.signal = explicitSignal(contact, knowledge);
        // a case status naming a team the knowledge does not know is ignored: the other rules decide
        a.caseStatus = knowledge.caseStatus(contact.caseReference()).filter(s -> ofKnownTeam(s, knowledge))
                .orElseGet(() -> caseInText(content, knowledge));
        a.caseReference = a.caseStatus != null ? a.caseStatus.caseReference()
                : blankToNull(contact.caseReference());
        a.matches = knowledge.search(tokens.searchTokens(), a.intent.topics(), SEARCH_DEPTH);

        Map<String, Double> teamScores = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Match m : a.matches) {
            if (m.teamId() == null || excludedTeams.contains(m.teamId()) || !knowledge.knowsTeam(m.teamId())) {
                continue;
            }
            int n = seen.merge(m.teamId(), 1, Integer::sum);
            double weight = n == 1 ? 1.0 : n == 2 ? 0.2 : 0.0;
            teamScores.merge(m.teamId(), m.score() * weight, Double::sum);
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(teamScores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        if (!ranked.isEmpty()) {
            double s1 = ranked.get(0).getValue();
            double s2 = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
            double strength = s1 / (s1 + HALF_STRENGTH_SCORE);
            double separation = 0.5 + 0.5 * (s1 - s2) / s1;
            a.topTeam = ranked.get(0).getKey();
            a.confidence = round(strength * separation);
        }
        a.topMatch = a.matches.stream().filter(m -> a.topTeam != null && a.topTeam.equals(m.teamId()))
                .findFirst().orElse(a.matches.isEmpty() ? null : a.matches.get(0));
        a.topArticle = a.matches.stream().filter(m -> m.kind() == Match.Kind.ARTICLE).findFirst().orElse(null);
        if (a.caseStatus != null) {
            String caseTeam = caseTeam(a.caseStatus, knowledge);
            if (caseTeam != null && !excludedTeams.contains(caseTeam)) {
                a.topTeam = caseTeam;
                a.confidence = 0.95;
            }
        }
        return a;
    }

    private boolean fires(Policy.Rule rule, Policy policy, Analysis a) {
        Intent intent = a.intent.intent();
        return switch (rule.when()) {
            case MODEL_CONFIDENT -> modelConfident(rule, policy, a);
            case MODEL_CONFIDENT_UNLESS_GENERAL_QUESTION -> !a.intent.generalQuestion()
                    && modelConfident(rule, policy, a);
            case EXPLICIT_SIGNAL -> a.signal != null;
            case KNOWN_CASE_QUESTION -> a.caseStatus != null && intent != Intent.OWN_CASE;
            case UNKNOWN_CASE_QUESTION -> a.caseStatus == null && intent == Intent.CASE_STATUS;
            case INFORMATION_QUESTION -> intent == Intent.INFORMATION_QUESTION;
            case SITUATED_QUESTION -> intent == Intent.INFORMATION_QUESTION && a.intent.situated();
            case OWN_CASE -> intent == Intent.OWN_CASE;
            case MATCHED -> a.topTeam != null;
            case ALWAYS -> true;
        };
    }

    private static boolean modelConfident(Policy.Rule rule, Policy policy, Analysis a) {
        return (rule.minOutcomes() == null || a.modelOutcomes >= rule.minOutcomes())
                && a.model() != null
                && a.model().confidence() >= (rule.minConfidence() != null ? rule.minConfidence()
                        : policy.minConfidence());
    }

    private Optional<RoutingDecision> route(Policy.Rule rule, Policy policy, Analysis a, KnowledgeSnapshot k,
            String firstLine, Set<String> excluded) {
        switch (rule.routeTo()) {
            case FIRST_LINE -> {
                if (excluded.contains(firstLine)) {
                    return Optional.empty();
                }
                return Optional.of(decision(policy, k, firstLine, rule.id(), a, firstLineConfidence(rule, a),
                        firstLineReason(rule, policy, a, k, firstLine)));
            }
            case SIGNALLED_TEAM -> {
                ExplicitSignal s = a.signal;
                if (s == null || excluded.contains(s.teamId)) {
                    return Optional.empty();
                }
                RoutingDecision d = new RoutingDecision(k.tierOf(s.teamId), s.teamId,
                        Reason.explicitChoice(s.label, s.source, k.teamName(s.teamId)), 1.0, rule.id(), s.productUri,
                        s.productName, null, s.categoryId, s.handlingTerm,
                        policy.name(), policy.version());
                return Optional.of(d);
            }
            case HANDLING_TEAM -> {
                String team = a.topTeam;
                if (team == null || excluded.contains(team)
                        || (rule.when() == Policy.Condition.SITUATED_QUESTION && team.equals(firstLine))) {
                    return Optional.empty(); // a question about what the first line handles: its own rule answers it
                }
                Tier tier = k.tierOf(team);
                double min = rule.minConfidence() != null ? rule.minConfidence() : policy.minConfidence();
                double needed = tier == Tier.BACK_OFFICE ? Math.max(min, policy.backOfficeMinConfidence()) : min;
                if (a.confidence < needed) {
                    return Optional.empty();
                }
                return Optional.of(decision(policy, k, team, rule.id(), a, a.confidence,
                        handlingReason(rule, policy, a, k, team)));
            }
            case MODEL_TEAM, MODEL_TEAM_OR_FIRST_LINE -> {
                ModelPrediction m = a.model();
                // MODEL_TEAM places contacts with a team; what it would give the first line, the first line's own
                // rules take (with their reason: triage, information question)
                if (m == null || excluded.contains(m.teamId()) || !k.knowsTeam(m.teamId())
                        || (rule.routeTo() == Policy.Route.MODEL_TEAM && m.teamId().equals(firstLine))) {
                    return Optional.empty();
                }
                Match top = a.matches.stream().filter(x -> m.teamId().equals(x.teamId())).findFirst().orElse(null);
                return Optional.of(decision(policy, k, m.teamId(), rule.id(), a, top, m.confidence(),
                        Reason.model(k.teamName(m.teamId()), m.confidence(), m.version(), m.terms())));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private RoutingDecision decision(Policy policy, KnowledgeSnapshot k, String team, String rule, Analysis a,
            double confidence, Reason reason) {
        return decision(policy, k, team, rule, a, a.topMatch, confidence, reason);
    }

    private RoutingDecision decision(Policy policy, KnowledgeSnapshot k, String team, String rule, Analysis a,
            Match topMatch, double confidence, Reason reason) {
        String productUri = null;
        String productName = null;
        String categoryId = null;
        HandlingTerm term = null;
        if (a.caseStatus != null && a.caseStatus.productUri() != null) {
            ProductChanged p = k.products().get(a.caseStatus.productUri());
            productUri = a.caseStatus.productUri();
            productName = p == null ? null : p.name();
            term = p == null ? null : p.handlingTerm();
        } else if (topMatch != null && topMatch.kind() == Match.Kind.PRODUCT) {
            ProductChanged p = k.products().get(topMatch.id());
            productUri = topMatch.id();
            productName = topMatch.label();
            term = p == null ? null : p.handlingTerm();
        } else if (topMatch != null && topMatch.kind() == Match.Kind.CATEGORY) {
            CategoryChanged c = k.categories().get(topMatch.id());
            categoryId = topMatch.id();
            term = c == null ? null : c.handlingTerm();
        }
        String articleId = a.topArticle == null ? null : a.topArticle.id();
        return new RoutingDecision(k.tierOf(team), team, reason, round(confidence), rule, productUri, productName,
                articleId, categoryId, term, policy.name(), policy.version());
    }

    private double firstLineConfidence(Policy.Rule rule, Analysis a) {
        return switch (rule.when()) {
            case KNOWN_CASE_QUESTION -> 0.95;
            case INFORMATION_QUESTION -> round(Math.min(1.0, 0.6 + 0.1 * a.intent.informationScore()));
            case ALWAYS -> isLowConfidence(rule) ? round(1 - a.confidence) : 1.0;
            default -> round(Math.max(a.confidence, 0.5));
        };
    }

    private Reason firstLineReason(Policy.Rule rule, Policy policy, Analysis a, KnowledgeSnapshot k, String kcc) {
        String first = k.teamName(kcc);
        return switch (rule.when()) {
            case KNOWN_CASE_QUESTION -> Reason.knownCase(a.caseReference, statusText(a.caseStatus),
                    a.caseStatus.expectedDecisionDate() == null ? null : a.caseStatus.expectedDecisionDate().toString(),
                    first);
            case INFORMATION_QUESTION -> Reason.informationQuestion(a.intent.cues(), about(a),
                    a.topArticle == null ? null : a.topArticle.label(), first);
            case ALWAYS -> isLowConfidence(rule)
                    ? Reason.lowConfidence(a.confidence, about(a), a.topTeam == null ? null : k.teamName(a.topTeam),
                            first)
                    : Reason.firstLineByPolicy(policy.rules().get(0).equals(rule) ? Reason.Kind.FIRST_LINE_TAKES_ALL
                            : Reason.Kind.FIRST_LINE_OTHERWISE, policy.name(), first);
            default -> Reason.firstLineByPolicy(Reason.Kind.FIRST_LINE_BY_POLICY, policy.name(), first);
        };
    }

    private Reason handlingReason(Policy.Rule rule, Policy policy, Analysis a, KnowledgeSnapshot k, String team) {
        String name = k.teamName(team);
        return switch (rule.when()) {
            case OWN_CASE -> Reason.ownCase(a.intent.cues(), about(a), name);
            case SITUATED_QUESTION -> Reason.ownCase(List.of(IntentDetector.SITUATION_CUE), about(a), name);
            // not the reference itself: unmatched, it is only what the citizen typed (the team gets it as caseReference)
            case UNKNOWN_CASE_QUESTION -> Reason.unknownCase(about(a), name);
            case MATCHED -> Reason.matched(about(a), name, policy.name());
            default -> Reason.handlingTeamByPolicy(about(a), name, policy.name());
        };
    }

    private static String about(Analysis a) {
        if (a.caseStatus != null && a.caseStatus.productUri() != null) {
            return a.caseStatus.productUri().substring(a.caseStatus.productUri().lastIndexOf('/') + 1);
        }
        return a.topMatch == null ? null : a.topMatch.label();
    }

    private static String statusText(CaseStatusChanged status) {
        return status.statusText() != null ? status.statusText() : status.status();
    }

    private static String caseTeam(CaseStatusChanged status, KnowledgeSnapshot k) {
        if (status.teamId() != null) {
            return status.teamId();
        }
        ProductChanged p = status.productUri() == null ? null : k.products().get(status.productUri());
        return p == null ? null : p.teamId();
    }

    /** A case status whose team (its own, or its product's) is unknown to the knowledge does not count. */
    private static boolean ofKnownTeam(CaseStatusChanged status, KnowledgeSnapshot k) {
        String team = caseTeam(status, k);
        return team == null || k.knowsTeam(team);
    }

    private static CaseStatusChanged caseInText(String content, KnowledgeSnapshot k) {
        if (content == null || !k.hasCaseStatuses() || content.chars().noneMatch(Character::isDigit)) {
            return null; // a case reference has a digit; most texts have none, and the regex is the costly part
        }
        Matcher m = CASE_REFERENCE.matcher(content);
        while (m.find()) {
            Optional<CaseStatusChanged> status = k.caseStatus(m.group());
            if (status.isEmpty()) {
                status = k.caseStatus(m.group().toUpperCase(Locale.ROOT));
            }
            if (status.isPresent() && ofKnownTeam(status.get(), k)) {
                return status.get();
            }
        }
        return null;
    }

    /**
     * Explicit signals: {@code productCode} (web form) is a product URI, its last path segment or its name;
     * {@code ivrChoice} and {@code deskTopic} are a team id, a product URI or name, or a category id or name.
     */
    ExplicitSignal explicitSignal(ContactFacts c, KnowledgeSnapshot k) {
        ExplicitSignal s = signal(c.productCode(), Reason.Source.WEB_FORM, k, false);
        if (s == null) {
            s = signal(c.ivrChoice(), Reason.Source.PHONE_MENU, k, true);
        }
        if (s == null) {
            s = signal(c.deskTopic(), Reason.Source.DESK, k, true);
        }
        return s;
    }

    private ExplicitSignal signal(String value, Reason.Source source, KnowledgeSnapshot k, boolean teamAllowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (teamAllowed && k.knowsTeam(lower)) {
            return new ExplicitSignal(lower, k.teamName(lower), source, null, null, null, null);
        }
        for (ProductChanged p : k.products().values()) {
            if (p.teamId() == null || !k.knowsTeam(p.teamId())) {
                continue;
            }
            String uri = p.uri();
            String slug = uri.substring(uri.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (uri.equals(v) || slug.equals(lower) || slug.equals(lower.replace(' ', '_'))
                    || (p.name() != null && p.name().equalsIgnoreCase(v))) {
                return new ExplicitSignal(p.teamId(), p.name(), source, p.uri(), p.name(), null, p.handlingTerm());
            }
        }
        for (CategoryChanged cat : k.categories().values()) {
            if (cat.teamId() != null && k.knowsTeam(cat.teamId()) && (cat.id().equalsIgnoreCase(v) || (cat.name() != null
                    && cat.name().equalsIgnoreCase(v)))) {
                return new ExplicitSignal(cat.teamId(), cat.name(), source, null, null, cat.id(), cat.handlingTerm());
            }
        }
        return null;
    }

    /** The catch-all rule that sends an unconfident match to the first line has its own confidence and reason. */
    private static boolean isLowConfidence(Policy.Rule rule) {
        return Policy.Rule.LOW_CONFIDENCE.equals(rule.id());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static double round(double d) {
        return Math.round(Math.max(0, Math.min(1, d)) * 1000) / 1000.0;
    }

    record ExplicitSignal(String teamId, String label, Reason.Source source, String productUri, String productName,
            String categoryId, HandlingTerm handlingTerm) {
    }

    /** What the engine read in a contact. */
    public static final class Analysis {
        IntentDetector.Result intent;
        ExplicitSignal signal;
        CaseStatusChanged caseStatus;
        String caseReference;
        List<Match> matches = List.of();
        String topTeam;
        Match topMatch;
        Match topArticle;
        double confidence;
        java.util.function.Supplier<ModelPrediction> modelQuestion;
        ModelPrediction model;
        boolean modelAsked;
        Integer modelVersion;
        int modelOutcomes;

        /** The trained model's best team for the text (null: no model, or nothing it knows in the text). */
        public ModelPrediction model() {
            if (!modelAsked && modelQuestion != null) {
                model = modelQuestion.get();
                modelAsked = true;
            }
            return model;
        }

        public IntentDetector.Result intent() {
            return intent;
        }

        public List<Match> matches() {
            return matches;
        }

        public String topTeam() {
            return topTeam;
        }

        public double confidence() {
            return confidence;
        }
    }
}
