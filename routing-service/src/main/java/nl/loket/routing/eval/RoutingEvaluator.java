package nl.loket.routing.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates routing on a labelled CSV ({@code text,channel,expected_team[,provenance]}) through the preview path:
 * accuracy, macro-F1, per-team precision, recall and F1, a confusion matrix, and — when the preview says so — the
 * rows decided by each signal (EXPLICIT, CASE, MODEL, RULES) and the rules alone against the model alone. JDK only,
 * so it runs as a single source file:
 * <pre>
 * routing-service/bin/evaluate &lt;file.csv&gt; [url] [policy] [--model V] [--compare A B] [--json]
 * </pre>
 * (default url http://localhost:8082). {@code --model V} evaluates one model version ({@code none}: rules only,
 * {@code live}: the live model, as without the option); {@code --compare A B} evaluates two and prints them side by
 * side with the rows that changed team; {@code --json} ends the output with one line holding a JSON object with the
 * main figures. The preview wants an agent's or editor's access token: {@code LOKET_TOKEN} (or
 * {@code -Dloket.token=…}) is sent as bearer.
 */
public final class RoutingEvaluator {

    static final String USAGE = "usage: evaluate <file.csv> [url] [policy] [--model V] [--compare A B] [--json]\n"
            + "  V, A, B: a stored model version, none (rules only) or live (the live model)";
    /** The signals of the preview, in the order they are tried. */
    static final List<String> SIGNALS = List.of("EXPLICIT", "CASE", "MODEL", "RULES");
    static final String NO_SIGNAL = "(none)";

    public record Row(String text, String channel, String expected, String provenance) {
    }

    /**
     * What the preview answered for one row: the team routed to, and when present the deciding signal, the team of
     * the rules alone ({@code rulesOnly.teamId}), the model's own top team ({@code model.teamId}) and the model
     * version consulted.
     */
    public record Decision(String teamId, String signal, String rulesOnlyTeamId, String modelTeamId,
            Integer modelVersion) {

        public static Decision of(String teamId) {
            return new Decision(teamId, null, null, null, null);
        }

        /** The decision in a preview's JSON answer; {@code teamId} is required. */
        public static Decision fromJson(String body) {
            if (!(Json.parse(body) instanceof Map<?, ?> answer) || !(answer.get("teamId") instanceof String team)) {
                throw new IllegalArgumentException("no teamId in " + body);
            }
            Integer version = answer.get("modelVersion") instanceof Number n ? Integer.valueOf(n.intValue()) : null;
            if (version == null && answer.get("model") instanceof Map<?, ?> m && m.get("version") instanceof Number n) {
                version = n.intValue();
            }
            return new Decision(team, text(answer.get("signal")), nestedTeam(answer.get("rulesOnly")),
                    nestedTeam(answer.get("model")), version);
        }

        private static String text(Object value) {
            return value instanceof String s && !s.isBlank() ? s : null;
        }

        private static String nestedTeam(Object value) {
            return value instanceof Map<?, ?> m ? text(m.get("teamId")) : null;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("evaluate: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        List<Row> rows = read(Path.of(options.file));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = System.getProperty("loket.token", System.getenv("LOKET_TOKEN"));
        PrintStream out = System.out;
        if (options.compare != null) {
            Comparison comparison = compare(rows, options.compare[0], options.compare[1],
                    preview(http, options.url, options.policy, options.compare[0], token),
                    preview(http, options.url, options.policy, options.compare[1], token));
            out.print(comparison.format());
            if (options.json) {
                out.println(comparison.json());
            }
        } else {
            Report report = evaluateDecisions(rows, preview(http, options.url, options.policy, options.model, token));
            out.print(report.format(true));
            if (options.json) {
                out.println(report.json());
            }
        }
        out.flush();
    }

    /** The command line: positional file, url, policy; the options anywhere. Null for --help. */
    static final class Options {
        String file;
        String url = "http://localhost:8082";
        String policy;
        String model;
        String[] compare;
        boolean json;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--json" -> o.json = true;
                    case "--model" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--model needs a version, none or live");
                        }
                        o.model = modelArgument(args[++i]);
                    }
                    case "--compare" -> {
                        if (i + 2 >= args.length) {
                            throw new IllegalArgumentException("--compare needs two model versions (or none, live)");
                        }
                        o.compare = new String[] {modelArgument(args[++i]), modelArgument(args[++i])};
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if (positional.isEmpty() || positional.size() > 3) {
                throw new IllegalArgumentException(positional.isEmpty() ? "no file" : "too many arguments " + positional);
            }
            if (o.model != null && o.compare != null) {
                throw new IllegalArgumentException("--model and --compare exclude each other");
            }
            o.file = positional.get(0);
            if (positional.size() > 1 && !positional.get(1).isBlank()) {
                o.url = positional.get(1);
            }
            if (positional.size() > 2 && !positional.get(2).isBlank()) {
                o.policy = positional.get(2);
            }
            return o;
        }

        private static String modelArgument(String value) {
            if (value.equals("none") || value.equals("live") || value.matches("\\d+")) {
                return value;
            }
            throw new IllegalArgumentException("model '" + value + "' is neither a version number, none nor live");
        }
    }

    /** The preview of a running routing-service as a decision function; model null or "live": the live model. */
    static Function<Row, Decision> preview(HttpClient http, String base, String policy, String model, String token) {
        List<String> query = new ArrayList<>();
        if (policy != null) {
            query.add("policy=" + URLEncoder.encode(policy, StandardCharsets.UTF_8));
        }
        if (model != null && !model.equals("live")) {
            query.add("model=" + URLEncoder.encode(model, StandardCharsets.UTF_8));
        }
        URI uri = URI.create(base.replaceAll("/+$", "") + "/api/v1/routing/preview"
                + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        return row -> {
            String body = "{\"municipality\":\"GM0363\",\"channel\":\"" + json(row.channel())
                    + "\",\"language\":\"nl\",\"text\":\"" + json(row.text()) + "\"}";
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (token != null && !token.isBlank()) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("preview " + uri + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                try {
                    return Decision.fromJson(response.body());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("preview " + uri + " answered without a team: " + response.body(), e);
                }
            } catch (IOException e) {
                throw new IllegalStateException("preview at " + uri + " unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** The report of a routing function that gives only the team. */
    public static Report evaluate(List<Row> rows, Function<Row, String> route) {
        return evaluateDecisions(rows, row -> Decision.of(route.apply(row)));
    }

    /** The report of a routing function that gives the whole decision (signal, rules alone, model alone). */
    public static Report evaluateDecisions(List<Row> rows, Function<Row, Decision> route) {
        Report report = new Report();
        for (Row row : rows) {
            report.add(row, route.apply(row));
        }
        return report;
    }

    /** Both routing functions on every row: two reports and the rows whose team changed. */
    public static Comparison compare(List<Row> rows, String labelA, String labelB, Function<Row, Decision> a,
            Function<Row, Decision> b) {
        Comparison comparison = new Comparison(labelA, labelB);
        for (Row row : rows) {
            comparison.add(row, a.apply(row), b.apply(row));
        }
        return comparison;
    }

    /** Reads the CSV (header line first; fields may be quoted with "" escapes and contain newlines). */
    public static List<Row> read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The rows of a labelled CSV's text (header first). */
    public static List<Row> read(String csvText) {
        List<List<String>> records = parse(csvText);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() < 3 || r.get(0).isBlank()) {
                continue;
            }
            rows.add(new Row(r.get(0), r.get(1).isBlank() ? "WEB_FORM" : r.get(1).trim(), r.get(2).trim(),
                    r.size() > 3 ? r.get(3) : ""));
        }
        return rows;
    }

    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** The string as the inside of a JSON string literal. */
    static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + json(s) + "\"";
    }

    /** A figure in the JSON line: four decimals, null when undefined. */
    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A figure in the text: three decimals, "-" when undefined. */
    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.3f", value);
    }

    private static String clip(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static final Comparator<String> SIGNAL_ORDER = Comparator
            .comparingInt((String s) -> s.equals(NO_SIGNAL) ? SIGNALS.size() + 1
                    : SIGNALS.contains(s) ? SIGNALS.indexOf(s) : SIGNALS.size())
            .thenComparing(Comparator.naturalOrder());

    /**
     * The confusion matrix of one way of deciding (expected team → routed team) with accuracy, per-team precision,
     * recall and F1, and macro-F1: the mean of the per-team F1 over the expected teams present (the teams with at
     * least one row expecting them). F1 of a team nothing was correctly routed to is 0.
     */
    public static final class Score {
        private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        private int rows;
        private int correct;

        void add(String expected, String actual) {
            rows++;
            if (expected.equals(actual)) {
                correct++;
            }
            confusion.computeIfAbsent(expected, k -> new TreeMap<>()).merge(actual, 1, Integer::sum);
        }

        public int rows() {
            return rows;
        }

        public int correct() {
            return correct;
        }

        /** Correct / rows; NaN without rows. */
        public double accuracy() {
            return rows == 0 ? Double.NaN : (double) correct / rows;
        }

        /** The teams macro-F1 averages over: those expected by at least one row. */
        public SortedSet<String> expectedTeams() {
            return new TreeSet<>(confusion.keySet());
        }

        /** Every team expected or routed to. */
        public SortedSet<String> teams() {
            TreeSet<String> teams = new TreeSet<>(confusion.keySet());
            confusion.values().forEach(m -> teams.addAll(m.keySet()));
            return teams;
        }

        public int count(String expected, String actual) {
            return confusion.getOrDefault(expected, Map.of()).getOrDefault(actual, 0);
        }

        public int support(String team) {
            return confusion.getOrDefault(team, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        public int predicted(String team) {
            return confusion.values().stream().mapToInt(m -> m.getOrDefault(team, 0)).sum();
        }

        /** NaN when nothing was routed to the team. */
        public double precision(String team) {
            int predicted = predicted(team);
            return predicted == 0 ? Double.NaN : (double) count(team, team) / predicted;
        }

        /** NaN when no row expects the team. */
        public double recall(String team) {
            int support = support(team);
            return support == 0 ? Double.NaN : (double) count(team, team) / support;
        }

        /** NaN when no row expects the team; 0 when none was routed to it correctly. */
        public double f1(String team) {
            if (support(team) == 0) {
                return Double.NaN;
            }
            int tp = count(team, team);
            if (tp == 0) {
                return 0;
            }
            double p = precision(team);
            double r = recall(team);
            return 2 * p * r / (p + r);
        }

        /** Mean F1 over {@link #expectedTeams()}; NaN without rows. */
        public double macroF1() {
            return expectedTeams().stream().mapToDouble(this::f1).average().orElse(Double.NaN);
        }

        String json() {
            return "{\"rows\":" + rows + ",\"correct\":" + correct + ",\"accuracy\":" + number(accuracy())
                    + ",\"macroF1\":" + number(macroF1()) + "}";
        }
    }

    /**
     * Accuracy, macro-F1, per-team precision/recall/F1 and the confusion matrix of the decision; per signal the rows
     * it decided and their accuracy; the rules alone and the model alone on the rows whose preview carries them.
     */
    public static final class Report {
        private final Score decision = new Score();
        private final Score rulesOnly = new Score();
        private final Score model = new Score();
        private final Map<String, Score> bySignal = new TreeMap<>(SIGNAL_ORDER);
        private final TreeSet<Integer> modelVersions = new TreeSet<>();
        private final List<String> misses = new ArrayList<>();
        private int signalled;
        /** Rows with both rulesOnly and model whose teams differ, and who was right there. */
        private int disagreements;
        private int rulesRight;
        private int modelRight;

        void add(Row row, String actual) {
            add(row, Decision.of(actual));
        }

        void add(Row row, Decision d) {
            String expected = row.expected();
            decision.add(expected, d.teamId());
            if (d.signal() != null) {
                signalled++;
            }
            bySignal.computeIfAbsent(d.signal() == null ? NO_SIGNAL : d.signal(), k -> new Score()).add(expected,
                    d.teamId());
            if (d.rulesOnlyTeamId() != null) {
                rulesOnly.add(expected, d.rulesOnlyTeamId());
            }
            if (d.modelTeamId() != null) {
                model.add(expected, d.modelTeamId());
            }
            if (d.rulesOnlyTeamId() != null && d.modelTeamId() != null
                    && !d.rulesOnlyTeamId().equals(d.modelTeamId())) {
                disagreements++;
                if (expected.equals(d.rulesOnlyTeamId())) {
                    rulesRight++;
                } else if (expected.equals(d.modelTeamId())) {
                    modelRight++;
                }
            }
            if (d.modelVersion() != null) {
                modelVersions.add(d.modelVersion());
            }
            if (!expected.equals(d.teamId())) {
                misses.add(expected + " -> " + d.teamId() + (d.signal() == null ? "" : " (" + d.signal() + ")") + "  ["
                        + row.provenance() + "] " + row.text());
            }
        }

        /** Correct / rows of the decision; 0 without rows. */
        public double accuracy() {
            return decision.rows() == 0 ? 0 : decision.accuracy();
        }

        /** Mean F1 over the expected teams present ({@link #macroF1Teams()}); 0 without rows. */
        public double macroF1() {
            return decision.rows() == 0 ? 0 : decision.macroF1();
        }

        public SortedSet<String> macroF1Teams() {
            return decision.expectedTeams();
        }

        public Score decision() {
            return decision;
        }

        /** The team of the rules alone, on the rows whose preview carried {@code rulesOnly}. */
        public Score rulesOnly() {
            return rulesOnly;
        }

        /** The model's own top team, on the rows whose preview carried {@code model}. */
        public Score model() {
            return model;
        }

        /** Per deciding signal (in the preview's order; rows without one under "(none)"): its rows' score. */
        public Map<String, Score> bySignal() {
            return bySignal;
        }

        public SortedSet<Integer> modelVersions() {
            return modelVersions;
        }

        public List<String> misses() {
            return misses;
        }

        public String format(boolean withMisses) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "rows %d, correct %d, accuracy %.3f, macro-F1 %.3f%n",
                    decision.rows(), decision.correct(), accuracy(), macroF1()));
            out.append(macroF1Line(decision)).append('\n');
            if (!modelVersions.isEmpty()) {
                out.append("model version consulted: ").append(modelVersions.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append('\n');
            } else if (signalled > 0) {
                out.append("no model consulted\n");
            }
            out.append('\n');
            if (signalled > 0) {
                out.append(signalTable());
                out.append('\n');
            }
            if (rulesOnly.rows() > 0 || model.rows() > 0) {
                out.append(headToHead());
                out.append('\n');
            }
            SortedSet<String> teams = decision.teams();
            out.append(String.format(Locale.ROOT, "%-26s %9s %9s %9s %7s%n", "team", "precision", "recall", "F1",
                    "support"));
            for (String team : teams) {
                out.append(String.format(Locale.ROOT, "%-26s %9s %9s %9s %7d%n", team, figure(decision.precision(team)),
                        figure(decision.recall(team)), figure(decision.f1(team)), decision.support(team)));
            }
            out.append("\nconfusion matrix (rows: expected, columns: routed)\n");
            out.append(String.format("%-26s", ""));
            for (String team : teams) {
                out.append(String.format(" %5s", abbreviate(team)));
            }
            out.append('\n');
            for (String expected : teams) {
                out.append(String.format("%-26s", expected));
                for (String actual : teams) {
                    out.append(String.format(Locale.ROOT, " %5d", decision.count(expected, actual)));
                }
                out.append('\n');
            }
            if (withMisses && !misses.isEmpty()) {
                out.append("\nmisses (expected -> routed (signal))\n");
                misses.forEach(m -> out.append("  ").append(m).append('\n'));
            }
            return out.toString();
        }

        private String signalTable() {
            StringBuilder out = new StringBuilder("per signal (the preview's \"signal\": which one decided)\n");
            out.append(String.format(Locale.ROOT, "%-10s %6s %7s %8s %9s%n", "signal", "rows", "share", "correct",
                    "accuracy"));
            bySignal.forEach((signal, score) -> out.append(String.format(Locale.ROOT, "%-10s %6d %7s %8d %9s%n",
                    signal, score.rows(), figure((double) score.rows() / decision.rows()), score.correct(),
                    figure(score.accuracy()))));
            return out.toString();
        }

        private String headToHead() {
            StringBuilder out = new StringBuilder(
                    "rules vs model on the same rows (a column counts the rows whose preview carries its field)\n");
            out.append(String.format(Locale.ROOT, "%-10s %10s %11s %10s%n", "", "decision", "rules only", "model"));
            out.append(String.format(Locale.ROOT, "%-10s %10d %11d %10d%n", "rows", decision.rows(), rulesOnly.rows(),
                    model.rows()));
            out.append(String.format(Locale.ROOT, "%-10s %10s %11s %10s%n", "accuracy", figure(decision.accuracy()),
                    figure(rulesOnly.accuracy()), figure(model.accuracy())));
            out.append(String.format(Locale.ROOT, "%-10s %10s %11s %10s%n", "macro-F1", figure(decision.macroF1()),
                    figure(rulesOnly.macroF1()), figure(model.macroF1())));
            if (rulesOnly.rows() > 0 && model.rows() > 0) {
                out.append(String.format(Locale.ROOT,
                        "rules and model disagree on %d rows: rules right %d, model right %d, neither %d%n",
                        disagreements, rulesRight, modelRight, disagreements - rulesRight - modelRight));
            }
            return out.toString();
        }

        /** The main figures as one line of JSON. */
        public String json() {
            StringBuilder out = new StringBuilder("{");
            out.append("\"rows\":").append(decision.rows()).append(",\"correct\":").append(decision.correct())
                    .append(",\"accuracy\":").append(number(decision.accuracy()))
                    .append(",\"macroF1\":").append(number(decision.macroF1()))
                    .append(",\"macroF1Teams\":").append(decision.expectedTeams().stream().map(RoutingEvaluator::quote)
                            .collect(Collectors.joining(",", "[", "]")));
            out.append(",\"perTeam\":{").append(decision.teams().stream().map(team -> quote(team)
                    + ":{\"support\":" + decision.support(team) + ",\"precision\":" + number(decision.precision(team))
                    + ",\"recall\":" + number(decision.recall(team)) + ",\"f1\":" + number(decision.f1(team)) + "}")
                    .collect(Collectors.joining(","))).append('}');
            out.append(",\"perSignal\":{").append(signalled == 0 ? "" : bySignal.entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":{\"rows\":" + e.getValue().rows() + ",\"correct\":"
                            + e.getValue().correct() + ",\"accuracy\":" + number(e.getValue().accuracy()) + "}")
                    .collect(Collectors.joining(","))).append('}');
            if (rulesOnly.rows() > 0) {
                out.append(",\"rulesOnly\":").append(rulesOnly.json());
            }
            if (model.rows() > 0) {
                out.append(",\"model\":").append(model.json());
            }
            if (rulesOnly.rows() > 0 && model.rows() > 0) {
                out.append(",\"disagreements\":{\"rows\":").append(disagreements).append(",\"rulesRight\":")
                        .append(rulesRight).append(",\"modelRight\":").append(modelRight).append('}');
            }
            out.append(",\"modelVersions\":").append(modelVersions.stream().map(String::valueOf)
                    .collect(Collectors.joining(",", "[", "]")));
            return out.append('}').toString();
        }

        private static String abbreviate(String team) {
            String[] parts = team.split("-");
            if (parts.length == 1) {
                return team.length() <= 5 ? team : team.substring(0, 5);
            }
            StringBuilder b = new StringBuilder();
            for (String p : parts) {
                b.append(p.charAt(0));
            }
            return b.toString();
        }
    }

    static String macroF1Line(Score score) {
        SortedSet<String> teams = score.expectedTeams();
        return "macro-F1: mean F1 over the " + teams.size() + " expected teams present (" + String.join(", ", teams)
                + ")";
    }

    /** Two ways of deciding on the same rows: both reports and the rows whose team changed. */
    public static final class Comparison {
        /** Rows that changed team, at most this many shown as examples. */
        static final int EXAMPLES = 10;

        private final String labelA;
        private final String labelB;
        private final Report a = new Report();
        private final Report b = new Report();
        private final List<String[]> changed = new ArrayList<>();
        private int bRight;
        private int aRight;

        Comparison(String labelA, String labelB) {
            this.labelA = labelA;
            this.labelB = labelB;
        }

        void add(Row row, Decision da, Decision db) {
            a.add(row, da);
            b.add(row, db);
            if (!da.teamId().equals(db.teamId())) {
                changed.add(new String[] {row.text(), row.expected(), da.teamId(), db.teamId()});
                if (row.expected().equals(db.teamId())) {
                    bRight++;
                } else if (row.expected().equals(da.teamId())) {
                    aRight++;
                }
            }
        }

        public Report a() {
            return a;
        }

        public Report b() {
            return b;
        }

        /** Rows whose team differs between A and B. */
        public int changed() {
            return changed.size();
        }

        public String format() {
            String ha = "A=" + labelA;
            String hb = "B=" + labelB;
            int w = Math.max(11, Math.max(ha.length(), hb.length()));
            String line = "%-26s %7s %" + w + "s %" + w + "s %7s%n";
            Score sa = a.decision();
            Score sb = b.decision();
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "compare model A=%s with B=%s on %d rows%n", labelA, labelB,
                    sa.rows()));
            out.append(String.format(Locale.ROOT, line, "", "support", ha, hb, "B-A"));
            out.append(String.format(Locale.ROOT, line, "accuracy", sa.rows(), figure(sa.accuracy()),
                    figure(sb.accuracy()), signed(sb.accuracy() - sa.accuracy())));
            out.append(String.format(Locale.ROOT, line, "macro-F1", "", figure(sa.macroF1()), figure(sb.macroF1()),
                    signed(sb.macroF1() - sa.macroF1())));
            out.append(String.format(Locale.ROOT, line, "model version", "", versions(a), versions(b), ""));
            TreeSet<String> signals = new TreeSet<>(SIGNAL_ORDER);
            signals.addAll(a.signalled > 0 ? a.bySignal().keySet() : List.of());
            signals.addAll(b.signalled > 0 ? b.bySignal().keySet() : List.of());
            for (String signal : signals) {
                Score xa = a.bySignal().get(signal);
                Score xb = b.bySignal().get(signal);
                out.append(String.format(Locale.ROOT, line, "decided by " + signal + " (acc.)", "", decided(xa),
                        decided(xb), ""));
            }
            out.append("per-team F1\n");
            TreeSet<String> teams = new TreeSet<>(sa.expectedTeams());
            teams.addAll(sb.expectedTeams());
            for (String team : teams) {
                out.append(String.format(Locale.ROOT, line, "  " + team, sa.support(team), figure(sa.f1(team)),
                        figure(sb.f1(team)), signed(sb.f1(team) - sa.f1(team))));
            }
            out.append(macroF1Line(sa)).append('\n');
            out.append(String.format(Locale.ROOT,
                    "%nrows that changed team: %d of %d (B right where A was wrong %d, A right where B is wrong %d,"
                            + " both wrong %d)%n",
                    changed.size(), sa.rows(), bRight, aRight, changed.size() - bRight - aRight));
            if (!changed.isEmpty()) {
                List<String[]> shown = changed.subList(0, Math.min(EXAMPLES, changed.size()));
                int tw = Math.max(8, shown.stream().flatMap(c -> List.of(c[1], c[2], c[3]).stream())
                        .mapToInt(String::length).max().orElse(8));
                String example = "  %-" + tw + "s %-" + tw + "s %-" + tw + "s %s%n";
                out.append(shown.size() < changed.size() ? "the first " + shown.size() + ":\n" : "");
                out.append(String.format(Locale.ROOT, example, "expected", ha, hb, "text"));
                for (String[] c : shown) {
                    out.append(String.format(Locale.ROOT, example, c[1], c[2], c[3], clip(c[0], 80)));
                }
            }
            return out.toString();
        }

        private static String versions(Report report) {
            return report.modelVersions().isEmpty() ? "-"
                    : report.modelVersions().stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        private static String decided(Score score) {
            return score == null ? "0" : score.rows() + " (" + figure(score.accuracy()) + ")";
        }

        /** The main figures of both sides as one line of JSON. */
        public String json() {
            return "{\"compare\":{\"a\":" + quote(labelA) + ",\"b\":" + quote(labelB) + "},\"rows\":"
                    + a.decision().rows() + ",\"changed\":" + changed.size() + ",\"bRightWhereAWrong\":" + bRight
                    + ",\"aRightWhereBWrong\":" + aRight + ",\"a\":" + a.json() + ",\"b\":" + b.json() + "}";
        }
    }

    /** Just enough JSON to read a preview answer: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object value = p.value();
            p.space();
            if (p.i != p.s.length()) {
                throw p.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> object = new LinkedHashMap<>();
                    space();
                    if (peek('}')) {
                        return object;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        object.put(key, value());
                        space();
                    } while (peek(','));
                    expect('}');
                    return object;
                }
                case '[' -> {
                    i++;
                    List<Object> array = new ArrayList<>();
                    space();
                    if (peek(']')) {
                        return array;
                    }
                    do {
                        array.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    return array;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (start == i) {
                        throw error("unexpected '" + c + "'");
                    }
                    try {
                        return Double.valueOf(s.substring(start, i));
                    } catch (NumberFormatException e) {
                        throw error("bad number");
                    }
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
            throw error("unterminated string");
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at " + i);
        }
    }
}
