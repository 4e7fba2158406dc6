package nl.loket.demo;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import nl.loket.contracts.DefaultTeams;
import nl.loket.platform.ServiceSpec;

/**
 * {@code ./loket demo}: a realistic working day for one municipality against the running platform, then the KPI
 * summary. First it prints where the workspace (werkplek) is and a sign-in per team, so that a person can take items
 * while the simulated agents work. Options: --contacts N (default 5000), --seed S (default 20261127), --municipality
 * GMxxxx (GM0363), --seconds N (how long the day is compressed into, default 180).
 */
public final class DemoDay {

    private DemoDay() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        int portOffset = 0;
        int contacts = 5000;
        long seed = 20261127L;
        String municipality = "GM0363";
        int seconds = 180;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--municipality" -> municipality = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; options: --contacts N --seed S --municipality GMxxxx --seconds N");
            }
        }
        LoketClient client = LoketClient.localDefaults(portOffset);
        var day = new ContactScript(repo).day(contacts, seed);
        printWorkspaceSignIns(portOffset);
        System.out.printf("Replaying a working day of %d contacts for %s (seed %d), compressed into %d s…%n",
                contacts, municipality, seed, seconds);
        DayRunner runner = new DayRunner(client);
        runner.run(day, List.of(municipality), seconds, 150, seed);
        JsonNode summary = client.summary("municipality=" + municipality).body();
        if (summary == null) {
            System.err.println("metrics-service gave no summary; see ./loket logs metrics");
            System.exit(1);
        }
        System.out.printf("%nKPI summary for %s (metrics-service, definitions v%s):%n", municipality, summary.path("definitionsVersion").asText());
        KpiReport.print(summary);
        System.out.printf("%nDashboard: %s/?municipality=%s   API: %s/api/v1/metrics/summary?municipality=%s%n",
                client.metrics, municipality, client.metrics, municipality);
        System.out.printf("Werkplek: %s%n", workspaceUrl(portOffset));
        System.out.println("The platform keeps running: ./loket down stops it.");
    }

    /** The workspace of the local platform (services.tsv, shifted by the port offset). */
    static String workspaceUrl(int portOffset) {
        return "http://localhost:" + (ServiceSpec.named("workspace").defaultPort() + portOffset) + "/";
    }

    /**
     * The realm's people (local-platform's loket-realm.json, LOCAL-ONLY passwords {@code <user>-local-secret}): an agent
     * per default team and the KCC team lead. The simulated agents are other users, so a person's claims and theirs mix
     * in the same queues.
     */
    static void printWorkspaceSignIns(int portOffset) {
        System.out.printf("Werkplek (the agents' workspace): %s — sign in while the simulated agents work "
                + "(local-only passwords):%n", workspaceUrl(portOffset));
        for (String team : DefaultTeams.ALL) {
            String user = "agent-" + team;
            System.out.printf("  %-26s %s / %s-local-secret%n", team, user, user);
        }
        System.out.printf("  %-26s %s / %s-local-secret   (team-lead view with today's KPIs)%n", "kcc, team lead",
                "teamlead-kcc", "teamlead-kcc");
    }
}
