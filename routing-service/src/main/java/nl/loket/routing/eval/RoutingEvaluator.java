package nl.loket.routing.eval;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates routing on a labelled CSV ({@code text,channel,expected_team[,provenance]}) through the preview path:
 * accuracy, per-team precision and recall, and a confusion matrix. JDK only, so it runs as a single source file:
 * {@code routing-service/bin/evaluate <file.csv> [url] [policy]} (default url http://localhost:8082). The preview wants
 * an agent's or editor's access token: {@code LOKET_TOKEN} (or {@code -Dloket.token=…}) is sent as bearer.
 */
public final class RoutingEvaluator {

    private static final Pattern TEAM = Pattern.compile("\"teamId\"\\s*:\\s*\"([^\"]+)\"");

    public record Row(String text, String channel, String expected, String provenance) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: evaluate <file.csv> [url] [policy]");
            System.exit(2);
        }
        List<Row> rows = read(Path.of(args[0]));
        String base = args.length > 1 ? args[1] : "http://localhost:8082";
        String policy = args.length > 2 ? args[2] : null;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/v1/routing/preview" + (policy == null ? "" : "?policy=" + policy));
        String token = System.getProperty("loket.token", System.getenv("LOKET_TOKEN"));
        Report report = evaluate(rows, row -> {
            String body = "{\"municipality\":\"GM0363\",\"channel\":\"" + row.channel() + "\",\"language\":\"nl\",\"text\":\""
                    + json(row.text()) + "\"}";
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (token != null && !token.isBlank()) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = TEAM.matcher(response.body());
                if (response.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException("preview answered " + response.statusCode() + ": " + response.body());
                }
                return m.group(1);
            } catch (IOException e) {
                throw new IllegalStateException("preview at " + uri + " unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        System.out.print(report.format(true));
    }

    public static Report evaluate(List<Row> rows, Function<Row, String> route) {
        Report report = new Report();
        for (Row row : rows) {
            report.add(row, route.apply(row));
        }
        return report;
    }

    /** Reads the CSV (header line first; fields may be quoted with "" escapes and contain newlines). */
    public static List<Row> read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
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

    private static String json(String s) {
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

    /** Accuracy, per-team precision/recall and the confusion matrix. */
    public static final class Report {
        private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        private final List<String> misses = new ArrayList<>();
        private int total;
        private int correct;

        void add(Row row, String actual) {
            total++;
            if (row.expected().equals(actual)) {
                correct++;
            } else {
                misses.add(row.expected() + " -> " + actual + "  [" + row.provenance() + "] " + row.text());
            }
            confusion.computeIfAbsent(row.expected(), k -> new TreeMap<>()).merge(actual, 1, Integer::sum);
        }

        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        public List<String> misses() {
            return misses;
        }

        public String format(boolean withMisses) {
            TreeSet<String> teams = new TreeSet<>(confusion.keySet());
            confusion.values().forEach(m -> teams.addAll(m.keySet()));
            StringBuilder out = new StringBuilder();
            out.append(String.format("rows %d, correct %d, accuracy %.3f%n%n", total, correct, accuracy()));
            out.append(String.format("%-26s %9s %9s %7s%n", "team", "precision", "recall", "support"));
            for (String team : teams) {
                int tp = confusion.getOrDefault(team, Map.of()).getOrDefault(team, 0);
                int support = confusion.getOrDefault(team, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
                int predicted = confusion.values().stream().mapToInt(m -> m.getOrDefault(team, 0)).sum();
                out.append(String.format("%-26s %9s %9s %7d%n", team,
                        predicted == 0 ? "-" : String.format("%.3f", (double) tp / predicted),
                        support == 0 ? "-" : String.format("%.3f", (double) tp / support), support));
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
                    out.append(String.format(" %5d", confusion.getOrDefault(expected, Map.of()).getOrDefault(actual, 0)));
                }
                out.append('\n');
            }
            if (withMisses && !misses.isEmpty()) {
                out.append("\nmisses (expected -> routed)\n");
                misses.forEach(m -> out.append("  ").append(m).append('\n'));
            }
            return out.toString();
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
}
