package nl.loket.routing.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.routing.domain.Intent;

/**
 * Reads what the citizen wants from Dutch cue phrases ({@code text/intent-cues.txt}), analysed with the same
 * Dutch chain as the text, so "aangevraagd", "aanvragen" and "aanvraag" meet where the stemmer lets them.
 */
public final class IntentDetector {

    /** The cue of a question starting with an interrogative: this prefix and the word ({@code ?wat}). */
    public static final String QUESTION_WORD_CUE = "?";
    /** The cue of a statement without any cue phrase, which reads as a report. */
    public static final String STATEMENT_CUE = ".";
    /** The cue of a question that comes with a sentence about the citizen's own situation (see {@link #situated}). */
    public static final String SITUATION_CUE = "+";

    /** Declared before {@link #RAW}: loading the cues uses it. */
    private static final List<String> POSSESSIVES = List.of("zijn", "haar", "ons", "onze");
    private static final List<Cue> RAW = load();
    private static final Set<String> INTERROGATIVES = Set.of("hoe", "wat", "wanneer", "waar", "welke", "welk", "wie",
            "waarom", "hoeveel", "hoelang", "kan", "kun", "kunt", "mag", "moet", "is", "zijn", "geldt", "heb", "hebt",
            "krijg", "bestaat", "wordt", "waaruit", "waarvoor", "vanaf");
    /** Words that make a question without its question mark ("hoe wordt de woz waarde bepaald"). */
    private static final Set<String> QUESTION_WORDS = Set.of("hoe", "wat", "wanneer", "waar", "welke", "welk", "wie",
            "waarom", "hoeveel", "hoelang", "waaruit", "waarvoor");
    private static final int WILDCARD_GAP = 6;
    private static final int PLAIN_GAP = 1;

    private static final java.util.regex.Pattern NON_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?])\\s+");
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}']+");
    /** Who tells a situation: the citizen, or the agent's note of a call or a visit ("Meneer wil een lunchroom …"). */
    private static final Set<String> SITUATION_SUBJECTS = Set.of("ik", "wij", "we", "mijn", "m'n", "mn", "ons", "onze",
            "me", "mij", "meneer", "mevrouw", "mw", "dhr", "beller", "bezoeker", "klant", "inwoner");
    /**
     * Asking whether one is entitled ("Heb ik recht op een traplift?", "Komen wij in aanmerking voor bijzondere
     * bijstand?"): a request about the writer's own situation, phrased as a question.
     */
    private static final java.util.regex.Pattern ELIGIBILITY = java.util.regex.Pattern.compile(
            "\\b(heb|hebben|heeft) (ik|wij|we|hij|zij|ze) (nog |dan |ook )?recht op\\b"
                    + "|\\b(kom|komen|komt) (ik|wij|we|hij|zij|ze) (nog |dan |ook )?in aanmerking\\b");
    /** Words that make a text about the writer's (or the caller's) own situation, wherever they stand. */
    private static final Set<String> PERSONAL_WORDS = Set.of("mijn", "m'n", "mn", "ons", "onze", "meneer", "mevrouw",
            "mw", "dhr", "beller", "bezoeker");
    /** Words that lead a condition or an inverted question, not a statement: "Als ik ga trouwen, moet ik …?" */
    private static final Set<String> QUESTION_CLAUSE_STARTS = Set.of("als", "indien", "wanneer", "zodra", "stel",
            "voordat", "nadat", "mocht", "bij", "kan", "mag", "moet", "is", "zijn", "heb", "hebben", "wordt", "worden",
            "krijg", "krijgen", "ben");
    /** A closing line ("Met vriendelijke groet", "Groeten, Anna", "Alvast dank"). */
    private static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile(
            "^(met )?(vriendelijke )?groet(en|jes)?\\b|^(alvast |bij voorbaat )?(bedankt|dank)");
    /** A greeting or closing before the first comma, which is not part of the situation ("Beste gemeente, …"). */
    private static final java.util.regex.Pattern GREETING = java.util.regex.Pattern.compile(
            "^(beste|geachte|goede(n)?(dag|morgen|middag|avond)|hallo|hoi|dag|met vriendelijke groet(en)?|"
                    + "vriendelijke groet(en)?|mvg|groet(en)?)\\b[^,]*,\\s*");
    /** Sentences with "ik" that say nothing about the situation: the question announced, the answer awaited. */
    private static final java.util.regex.Pattern NOT_A_SITUATION = java.util.regex.Pattern.compile(
            "^((ik|wij|we) (heb|hebben) (een )?(vraag|vraagje|paar vragen)|(ik|wij|we) (hoor|horen|hoop|hopen|wacht|"
                    + "wachten|zie|zien|dank|danken) |alvast (bedankt|dank)|bij voorbaat dank|(ik|wij|we) (wil|willen) "
                    + "graag weten|(ik|wij|we) vroeg|(ik|wij|we) vraag (me|mij|ons) af)");
    /**
     * Cues that ask only in a question's word order: in a statement ("met de kinderwagen kan ik er niet langs")
     * they do not make it an information question.
     */
    private static final Set<String> INVERTED_ONLY = Set.of("kan ik", "mag ik", "moet ik");
    /** The fewest words a sentence about the situation has ("we onderhouden het al jaren zelf"). */
    private static final int SITUATION_MIN_WORDS = 5;

    private final DutchText text;
    private final List<AnalysedCue> cues = new ArrayList<>();
    /** Cue positions by their first token: a text only tries the cues that can start at one of its words. */
    private final Map<String, int[]> cuesByFirstToken = new java.util.HashMap<>();

    public IntentDetector(DutchText text) {
        this.text = text;
        for (Cue cue : RAW) {
            List<String> tokens = new ArrayList<>();
            for (String word : cue.phrase().split("\\s+")) {
                if (word.equals("*")) {
                    tokens.add("*");
                } else {
                    List<String> analysed = text.cueTokens(word);
                    if (!analysed.isEmpty()) {
                        tokens.add(analysed.get(0));
                    }
                }
            }
            cues.add(new AnalysedCue(cue, tokens));
        }
        Map<String, List<Integer>> positions = new java.util.HashMap<>();
        for (int i = 0; i < cues.size(); i++) {
            List<String> tokens = cues.get(i).tokens();
            if (!tokens.isEmpty()) {
                positions.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(i);
            }
        }
        positions.forEach((token, list) -> cuesByFirstToken.put(token,
                list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The intent of a text, with the cue phrases that decided it. */
    public Result detect(String content) {
        return detect(content, text.cueTokens(content));
    }

    /** The intent of a text whose cue tokens are already known. */
    public Result detect(String content, List<String> tokens) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        Map<Intent, List<String>> found = new EnumMap<>(Intent.class);
        java.util.Set<String> topics = new java.util.LinkedHashSet<>();
        for (Intent intent : Intent.values()) {
            scores.put(intent, 0.0);
            found.put(intent, new ArrayList<>());
        }
        // the candidate cues, in the order of the cue file (which orders the explanation)
        java.util.BitSet candidates = new java.util.BitSet(cues.size());
        for (String token : tokens) {
            int[] positions = cuesByFirstToken.get(token);
            if (positions != null) {
                for (int position : positions) {
                    candidates.set(position);
                }
            }
        }
        String first = content == null ? "" : NON_LETTERS.split(content.strip().toLowerCase(), 2)[0];
        // citizens often leave out the question mark: a text that starts with a question word is a question too
        boolean question = content != null && (content.contains("?") || QUESTION_WORDS.contains(first));
        boolean general = false;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            AnalysedCue cue = cues.get(i);
            if (cue.cue().intent() == null) {
                general |= matches(tokens, cue.tokens());
                continue;
            }
            if (!question && cue.cue().intent() == Intent.INFORMATION_QUESTION
                    && INVERTED_ONLY.contains(cue.cue().phrase())) {
                continue;
            }
            if (matches(tokens, cue.tokens())) {
                scores.merge(cue.cue().intent(), cue.cue().weight(), Double::sum);
                found.get(cue.cue().intent()).add(cue.cue().phrase());
                if (cue.cue().topic() != null) {
                    topics.add(cue.cue().topic());
                }
            }
        }
        if (question) {
            scores.merge(Intent.INFORMATION_QUESTION, 1.0, Double::sum);
        }
        if (question && INTERROGATIVES.contains(first)) {
            scores.merge(Intent.INFORMATION_QUESTION, 1.5, Double::sum);
            found.get(Intent.INFORMATION_QUESTION).add(QUESTION_WORD_CUE + first);
        }
        double info = scores.get(Intent.INFORMATION_QUESTION);
        double own = scores.get(Intent.OWN_CASE);
        double status = scores.get(Intent.CASE_STATUS);
        Intent intent;
        if (status >= 3 && status >= own * 0.8) {
            intent = Intent.CASE_STATUS;
        } else if (own > 0 && own >= info) {
            intent = Intent.OWN_CASE;
        } else if (info > 0) {
            intent = Intent.INFORMATION_QUESTION;
        } else if (!question) {
            // a statement without any cue ("Losliggende stoeptegels voor nummer 12") reads as a report
            intent = Intent.OWN_CASE;
            found.get(Intent.OWN_CASE).add(STATEMENT_CUE);
        } else {
            intent = Intent.UNKNOWN;
        }
        boolean situated = question && !general && situated(content);
        return new Result(intent, List.copyOf(found.get(intent)), info, own, status,
                intent == Intent.INFORMATION_QUESTION ? List.of() : List.copyOf(topics),
                situated, intent == Intent.INFORMATION_QUESTION
                        && (general || !situated && !personal(content) && !tellsSomething(content)));
    }

    /**
     * Whether a text names something of the writer's own or, in an agent's note, the caller: "mijn moeder", "onze
     * schutting", "m'n aanslag", "Meneer vraagt …", or asks whether one is entitled ("Heb ik recht op …?"). A question
     * without it ("Hoe kan ik bezwaar maken tegen een besluit?", "Welke voorwaarden gelden er voor bijzondere
     * bijstand?") is a general one; an inverted "kan ik" is not a situation.
     */
    static boolean personal(String content) {
        if (content == null) {
            return false;
        }
        String text = GREETING.matcher(content.strip().toLowerCase(java.util.Locale.ROOT)).replaceFirst("");
        return ELIGIBILITY.matcher(text).find() || words(text).stream().anyMatch(PERSONAL_WORDS::contains);
    }

    /**
     * Whether a text tells something besides its questions: a sentence that is not a question ("Er gaan geruchten dat
     * daar woningen komen."), or a question led by a statement ("er groeien paddenstoelen onder de boom, is die nog
     * veilig?"). A leading condition ("Als ik ga trouwen, …?"), a greeting and "alvast bedankt" are not; a clause needs
     * three words.
     */
    static boolean tellsSomething(String content) {
        if (content == null) {
            return false;
        }
        for (String sentence : sentences(content)) {
            String s = sentence;
            if (s.endsWith("?")) {
                int comma = s.indexOf(',');
                if (comma < 0) {
                    continue;
                }
                s = s.substring(0, comma);
            }
            if (NOT_A_SITUATION.matcher(s).find() || CLOSING.matcher(s).find()) {
                continue;
            }
            List<String> words = words(s);
            if (words.size() >= 3 && !QUESTION_WORDS.contains(words.get(0))
                    && !QUESTION_CLAUSE_STARTS.contains(words.get(0))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a question comes with a sentence of its own about the citizen's situation, in the first person (or an
     * agent's note of it: "Meneer wil een lunchroom openen. Vraagt welke vergunningen …"):
     * "Wij zijn sinds april een B&B begonnen. Hoe …?", "mogen wij het stukje groen kopen? we onderhouden het al
     * jaren zelf". Greetings, closings and "ik heb een vraag" do not count; a single question never does.
     */
    static boolean situated(String content) {
        if (content == null) {
            return false;
        }
        for (String s : sentences(content)) {
            if (s.endsWith("?") || NOT_A_SITUATION.matcher(s).find()) {
                continue;
            }
            List<String> words = words(s);
            if (words.size() >= SITUATION_MIN_WORDS && words.stream().anyMatch(SITUATION_SUBJECTS::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The sentences of a text, lower case, each without a leading greeting ("Beste gemeente, …"). */
    private static List<String> sentences(String content) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(content.strip().toLowerCase(java.util.Locale.ROOT))) {
            out.add(GREETING.matcher(sentence.strip()).replaceFirst(""));
        }
        return out;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = WORD.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean matches(List<String> tokens, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int start = 0; start < tokens.size(); start++) {
            if (tokens.get(start).equals(phrase.get(0)) && matchesFrom(tokens, phrase, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesFrom(List<String> tokens, List<String> phrase, int start) {
        int position = start;
        int gap = PLAIN_GAP;
        for (int p = 1; p < phrase.size(); p++) {
            String want = phrase.get(p);
            if (want.equals("*")) {
                gap = WILDCARD_GAP;
                continue;
            }
            int found = -1;
            for (int i = position + 1; i <= Math.min(tokens.size() - 1, position + 1 + gap); i++) {
                if (tokens.get(i).equals(want)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            position = found;
            gap = PLAIN_GAP;
        }
        return true;
    }

    /**
     * @param cues   the phrases of the cue list that matched, in the cue file's order; two cues are not phrases: a
     *               question that starts with an interrogative is {@link #QUESTION_WORD_CUE} + that word ({@code ?wat}),
     *               a statement without any cue is {@link #STATEMENT_CUE} (the reason texts put them in words)
     * @param topics topic words of the matched cues (objection, complaint …), for the knowledge search
     * @param situated a question that comes with a sentence about the citizen's own situation and no cue of a
     *               general interest ("in het algemeen", "uit interesse"): see {@link #situated(String)}
     * @param generalQuestion an information question and nothing else: it tells nothing of the writer's own
     *               situation (see {@link #personal(String)}, {@link #situated(String)}) and nothing besides its
     *               questions (see {@link #tellsSomething(String)}), or it has a cue of a general interest
     */
    public record Result(Intent intent, List<String> cues, double informationScore, double ownCaseScore,
            double statusScore, List<String> topics, boolean situated, boolean generalQuestion) {
    }

    private record Cue(Intent intent, double weight, String phrase, String topic) {
    }

    private record AnalysedCue(Cue cue, List<String> tokens) {
    }

    /**
     * "mijn aanvraag" also as "zijn/haar aanvraag" (an agent's note of a call: "Mevrouw belt over haar aanvraag")
     * and "ons/onze aanvraag" (a family writing): the same cue, the same weight.
     */
    private static List<Cue> possessiveVariants(Cue cue) {
        List<String> words = List.of(cue.phrase().split("\\s+"));
        if (!words.contains("mijn")) {
            return List.of();
        }
        List<Cue> variants = new ArrayList<>();
        for (String other : POSSESSIVES) {
            String phrase = String.join(" ", words.stream().map(w -> w.equals("mijn") ? other : w).toList());
            variants.add(new Cue(cue.intent(), cue.weight(), phrase, cue.topic()));
        }
        return variants;
    }

    private static List<Cue> load() {
        List<Cue> cues = new ArrayList<>();
        try (InputStream in = IntentDetector.class.getClassLoader().getResourceAsStream("text/intent-cues.txt")) {
            if (in == null) {
                throw new IllegalStateException("text/intent-cues.txt missing from the classpath");
            }
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\|", 4);
                // GENERAL: a cue of general interest, which no intent scores (it only unmakes "situated")
                Cue cue = new Cue(parts[0].equals("GENERAL") ? null : Intent.valueOf(parts[0]),
                        Double.parseDouble(parts[1]), parts[2].trim(), parts.length > 3 ? parts[3].trim() : null);
                cues.add(cue);
                cues.addAll(possessiveVariants(cue));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cues;
    }
}
