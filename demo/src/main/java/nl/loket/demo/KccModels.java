package nl.loket.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./loket simulate}: one and the same contact stream under the four KCC models of the source article, each
 * a routing policy bound to a municipality id of its own (so the results cannot mix), then the KPIs side by side.
 * Options: --model GMxxxx=policy (repeated; ./loket passes the four), --contacts N (default 1200), --seed S,
 * --seconds N (default 180).
 */
public final class KccModels {

    private KccModels() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        int portOffset = 0;
        int contacts = 1200;
        long seed = 20261127L;
        int seconds = 180;
        List<String> municipalities = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--model=")) {
                String[] pair = arg.substring("--model=".length()).split("=", 2);
                municipalities.add(pair[0]);
                policies.add(pair[1]);
                continue;
            }
            switch (arg) {
                case "--repo" -> repo = Path.of(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        LoketClient client = LoketClient.localDefaults(portOffset);
        var day = new ContactScript(repo).day(contacts, seed);
        System.out.printf("One stream of %d contacts (seed %d) under %d KCC models: %s%n", contacts, seed, policies.size(), policies);
        new DayRunner(client).run(day, municipalities, seconds, 300, seed);
        List<JsonNode> summaries = new ArrayList<>();
        for (String municipality : municipalities) {
            summaries.add(client.summary("municipality=" + municipality).body());
        }
        KpiReport.sideBySide(policies, summaries);
        System.out.println();
        System.out.println(reading(policies, summaries));
    }

    /** A short reading of the differences, from the figures themselves. */
    static String reading(List<String> policies, List<JsonNode> summaries) {
        int best = 0;
        int mostTransfers = 0;
        for (int i = 1; i < summaries.size(); i++) {
            if (share(summaries.get(i), "directHandling") > share(summaries.get(best), "directHandling")) {
                best = i;
            }
            if (summaries.get(i).path("transfers").path("share").asDouble() > summaries.get(mostTransfers).path("transfers").path("share").asDouble()) {
                mostTransfers = i;
            }
        }
        return """
                Reading: '%s' handles the most first contacts directly (%s); '%s' forwards the most (%s transfers).
                A KCC that settles everything on its own scores high on direct handling only when agents can answer case
                questions too; a KCC stuck in the middle and a switchboard move work to the teams (more transfers and
                call-backs, longer time to settle); the chain-specialised KCC answers generic questions first-line and
                sends case work straight to the chain team, so it needs few transfers for a high direct-handling share.
                """.formatted(policies.get(best), KpiReport.pct(summaries.get(best).path("directHandling").path("share")),
                policies.get(mostTransfers), KpiReport.pct(summaries.get(mostTransfers).path("transfers").path("share")));
    }

    private static double share(JsonNode summary, String field) {
        return summary.path(field).path("share").asDouble();
    }
}
