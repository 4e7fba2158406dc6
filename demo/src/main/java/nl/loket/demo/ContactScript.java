package nl.loket.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.events.Channel;

/**
 * A working day of contacts for one municipality, reproducible from a seed. Texts are built from the reference
 * data that knowledge-service seeds itself with (UPL products, VAC questions, Signalen categories), so the demo
 * uses nothing invented as "real" data; the phrasings around them are templates.
 *
 * <p>Channel mix (documented assumption from the published figures in shared/data/README.md):
 * questions follow 's-Hertogenbosch 2019 (163,408 calls, 21,165 service-desk contacts, 3,753 e-mails, 6,676
 * WhatsApp messages, plus web forms); public-space reports follow Den Haag 2016–2024 (web form 55%, app 21%,
 * phone 17%, e-mail 1.2%, counter ~0%).
 */
public final class ContactScript {

    /** What kind of contact, and so what the right answer is. */
    public enum Kind { GENERIC_QUESTION, OWN_CASE, REPORT, STATUS_QUESTION, NONSENSE }

    /**
     * How the text is phrased: the templates around the reference data, or one of the hard phrasings of the learning
     * week ({@link #day(int, long, double)}) — a public-space report of a few words, or a question about the citizen's
     * own situation worded like a general question.
     */
    public enum Phrasing { TEMPLATE, SHORT_REPORT, OWN_SITUATION }

    /** One scripted contact; {@code intendedTeam} is what a good KCC would decide, used by the simulated agents. */
    public record ScriptedContact(int seq, Kind kind, Channel channel, String subject, String text, String caseReference,
            String productCode, String intendedTeam, double arrival, Phrasing phrasing) {

        public ScriptedContact(int seq, Kind kind, Channel channel, String subject, String text, String caseReference,
                String productCode, String intendedTeam, double arrival) {
            this(seq, kind, channel, subject, text, caseReference, productCode, intendedTeam, arrival, Phrasing.TEMPLATE);
        }

        public boolean hard() {
            return phrasing != Phrasing.TEMPLATE;
        }
    }

    record Product(String uri, String name, String team) {
    }

    record Category(String id, String name, String description, String team) {
    }

    private final List<Product> products = new ArrayList<>();
    private final List<Category> categories = new ArrayList<>();
    private final List<String> questions = new ArrayList<>();

    public ContactScript(Path repo) throws IOException {
        Path seed = repo.resolve("knowledge-service/src/main/resources/seed");
        for (Map<String, String> row : csv(seed.resolve("product-teams.csv"))) {
            products.add(new Product(row.get("uri"), row.get("name"), row.get("team_id")));
        }
        for (Map<String, String> row : csv(seed.resolve("category-teams.csv"))) {
            if (row.get("parent_id") != null && !row.get("parent_id").isBlank()) {
                categories.add(new Category(row.get("id"), row.get("name"), row.get("description"), row.get("team_id")));
            }
        }
        for (Map<String, String> row : csv(seed.resolve("vac-seed.csv"))) {
            questions.add(row.get("question"));
        }
    }

    private static final String[] GENERIC = {
        "Hoe vraag ik een %s aan?", "Wat kost een %s?", "Welke documenten heb ik nodig voor %s?",
        "Hoe lang duurt het voordat ik een %s krijg?", "Kan ik %s online regelen of moet ik naar de balie?",
        "Wat zijn de voorwaarden voor %s?"};
    private static final String[] OWN_CASE = {
        "Ik heb een aanvraag voor %s gedaan en er is iets veranderd in mijn situatie. Kan een behandelaar contact met mij opnemen?",
        "Ik ben het niet eens met de beslissing over mijn %s en wil bezwaar maken.",
        "Mijn aanvraag voor %s is afgewezen, ik wil weten waarom in mijn geval.",
        "Ik wil een aanvullend document aanleveren voor mijn lopende aanvraag %s."};
    private static final String[] STATUS = {
        "Hoe staat het met mijn aanvraag voor %s? Mijn zaaknummer is %s.",
        "Ik wacht al weken op een besluit over %s (zaak %s). Wanneer hoor ik iets?"};
    private static final String[] NONSENSE = {"Hallo?", "test test 123", "asdfghjkl", "Ik weet het niet meer.", "?"};
    /** Own-situation questions worded like general ones: any chain team's product, and the sociaal domein's benefits. */
    private static final String[] OWN_SITUATION = {"Kan ik hulp krijgen bij %s?", "Wat betekent %s in mijn situatie?"};
    private static final String[] OWN_SITUATION_SOCIAL = {"Kom ik in aanmerking voor %s?", "Heb ik recht op %s?"};
    /** A Signalen category as a citizen types it into the app or says it on the phone: at most this many words. */
    static final int SHORT_REPORT_MAX_WORDS = 5;
    static final String AT_MY_DOOR = " bij mij voor de deur";

    /** {@code count} contacts over a working day (arrival in [0, 1) of the day), reproducible from {@code seed}. */
    public List<ScriptedContact> day(int count, long seed) {
        return day(count, seed, 0);
    }

    /**
     * As {@link #day(int, long)}, with about {@code hardShare} of the contacts in a hard phrasing (half short public-space
     * reports, half own-situation questions worded like general ones), for the learning week. With 0 the day is exactly
     * that of {@link #day(int, long)}: no extra random numbers are drawn.
     */
    public List<ScriptedContact> day(int count, long seed, double hardShare) {
        Random random = new Random(seed);
        List<ScriptedContact> day = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (hardShare > 0 && random.nextDouble() < hardShare) {
                day.add(random.nextBoolean() ? shortReport(i, random) : ownSituation(i, random));
                continue;
            }
            double roll = random.nextDouble();
            Kind kind = roll < 0.50 ? Kind.GENERIC_QUESTION : roll < 0.66 ? Kind.OWN_CASE : roll < 0.88 ? Kind.REPORT
                    : roll < 0.97 ? Kind.STATUS_QUESTION : Kind.NONSENSE;
            day.add(contact(i, kind, random));
        }
        day.sort((a, b) -> Double.compare(a.arrival(), b.arrival()));
        return day;
    }

    private ScriptedContact contact(int seq, Kind kind, Random random) {
        double arrival = arrival(random);
        switch (kind) {
            case GENERIC_QUESTION -> {
                Channel channel = questionChannel(random);
                if (random.nextDouble() < 0.4 && !questions.isEmpty()) {
                    String q = questions.get(random.nextInt(questions.size()));
                    return new ScriptedContact(seq, kind, channel, null, q, null, null, "kcc", arrival);
                }
                Product p = products.get(random.nextInt(products.size()));
                return new ScriptedContact(seq, kind, channel, p.name(), GENERIC[random.nextInt(GENERIC.length)].formatted(p.name()),
                        null, channel == Channel.WEB_FORM && random.nextBoolean() ? p.uri() : null, "kcc", arrival);
            }
            case OWN_CASE -> {
                Product p = specialised(random);
                Channel channel = questionChannel(random);
                return new ScriptedContact(seq, kind, channel, p.name(), OWN_CASE[random.nextInt(OWN_CASE.length)].formatted(p.name()),
                        "Z-" + (100000 + random.nextInt(900000)), channel == Channel.WEB_FORM ? p.uri() : null, p.team(), arrival);
            }
            case REPORT -> {
                Category c = categories.get(random.nextInt(categories.size()));
                String text = "Melding " + c.name().toLowerCase(Locale.ROOT) + ": "
                        + (c.description() != null && !c.description().isBlank() ? c.description() : "graag actie")
                        + (random.nextBoolean() ? " Het gaat om de straat bij mij voor de deur." : "");
                return new ScriptedContact(seq, kind, reportChannel(random), c.name(), text, null, null, c.team(), arrival);
            }
            case STATUS_QUESTION -> {
                Product p = specialised(random);
                String ref = "Z-" + (100000 + random.nextInt(900000));
                return new ScriptedContact(seq, kind, questionChannel(random), p.name(),
                        STATUS[random.nextInt(STATUS.length)].formatted(p.name(), ref), ref, null, p.team(), arrival);
            }
            default -> {
                return new ScriptedContact(seq, kind, questionChannel(random), null, NONSENSE[random.nextInt(NONSENSE.length)],
                        null, null, "kcc", arrival);
            }
        }
    }

    /**
     * A public-space report of a few words: just the Signalen category's name in lower case, as typed in the app or
     * noted from a call, sometimes "bij mij voor de deur". No subject, no category chosen: the text is all there is.
     * The team is the category's, as a KCC that knows the categories would decide.
     */
    private ScriptedContact shortReport(int seq, Random random) {
        double arrival = arrival(random);
        Category c;
        String words;
        do {
            c = categories.get(random.nextInt(categories.size()));
            words = shortName(c.name(), random);
        } while (words.isEmpty() || words.split(" ").length > SHORT_REPORT_MAX_WORDS);
        String text = random.nextDouble() < 0.35 ? words + AT_MY_DOOR : words;
        return new ScriptedContact(seq, Kind.REPORT, reportChannel(random), null, text, null, null, c.team(), arrival,
                Phrasing.SHORT_REPORT);
    }

    /**
     * A category name as people say it: lower case, "Boom - dood" as "boom dood", of "Graffiti / wildplak" one of the
     * two, of "Drank- / drugsoverlast" the whole word ("drugsoverlast"), no brackets.
     */
    static String shortName(String category, Random random) {
        String name = category.toLowerCase(Locale.ROOT).replace("(", "").replace(")", "");
        if (name.contains("/")) {
            List<String> parts = new ArrayList<>();
            for (String part : name.split("/")) {
                parts.add(part.strip());
            }
            boolean compound = parts.stream().limit(parts.size() - 1).anyMatch(p -> p.endsWith("-"));
            name = compound ? parts.get(parts.size() - 1) : parts.get(random.nextInt(parts.size()));
        }
        return name.replace(" - ", " ").replace(".", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * A question about the citizen's own situation, worded like a general question ("Kan ik hulp krijgen bij
     * bijstand?"): whether it applies to this citizen is the chain team's intake, so the team is the product's.
     * Half of them about the sociaal domein's products; no subject, no product chosen in a form.
     */
    private ScriptedContact ownSituation(int seq, Random random) {
        double arrival = arrival(random);
        boolean social = random.nextBoolean();
        Product p;
        do {
            p = products.get(random.nextInt(products.size()));
        } while (social ? !"sociaal-domein".equals(p.team()) : !DefaultTeams.CHAIN_TEAMS.contains(p.team()));
        String template = social && random.nextBoolean()
                ? OWN_SITUATION_SOCIAL[random.nextInt(OWN_SITUATION_SOCIAL.length)]
                : OWN_SITUATION[random.nextInt(OWN_SITUATION.length)];
        return new ScriptedContact(seq, Kind.OWN_CASE, questionChannel(random), null, template.formatted(p.name()), null, null,
                p.team(), arrival, Phrasing.OWN_SITUATION);
    }

    private Product specialised(Random random) {
        for (int tries = 0; tries < 50; tries++) {
            Product p = products.get(random.nextInt(products.size()));
            if (!"kcc".equals(p.team())) {
                return p;
            }
        }
        return products.get(random.nextInt(products.size()));
    }

    /** 's-Hertogenbosch 2019 volumes, with web forms at the e-mail+chat level (assumption). */
    static Channel questionChannel(Random random) {
        double r = random.nextDouble() * (163_408 + 21_165 + 3_753 + 6_676 + 10_429);
        if ((r -= 163_408) < 0) {
            return Channel.PHONE;
        }
        if ((r -= 21_165) < 0) {
            return Channel.COUNTER;
        }
        if ((r -= 3_753) < 0) {
            return Channel.EMAIL;
        }
        if ((r -= 6_676) < 0) {
            return Channel.CHAT;
        }
        return Channel.WEB_FORM;
    }

    /** Den Haag 2016–2024 public-space reports; the app counts as web form, the rest of the 100% as social media. */
    static Channel reportChannel(Random random) {
        double r = random.nextDouble() * 100;
        if (r < 76) {
            return Channel.WEB_FORM;
        }
        if (r < 93) {
            return Channel.PHONE;
        }
        if (r < 94.2) {
            return Channel.EMAIL;
        }
        return Channel.SOCIAL_MEDIA;
    }

    /** Arrival in the day [0, 1): office hours with a morning and an early-afternoon peak (assumed shape). */
    static double arrival(Random random) {
        while (true) {
            double t = random.nextDouble();
            double density = 0.35 + Math.exp(-Math.pow((t - 0.18) / 0.12, 2)) + 0.7 * Math.exp(-Math.pow((t - 0.6) / 0.12, 2));
            if (random.nextDouble() * 2.1 < density) {
                return t;
            }
        }
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.ALLOW_COMMENTS);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            return rows.readAll();
        }
    }
}
