package nl.loket.demo;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints metrics-service's KPI summary for people. */
final class KpiReport {

    private KpiReport() {
    }

    static String pct(JsonNode share) {
        return share == null || share.isNull() || share.isMissingNode() ? "   –  " : String.format(Locale.ROOT, "%5.1f%%", share.asDouble() * 100);
    }

    static void print(JsonNode s) {
        JsonNode direct = s.path("directHandling");
        System.out.printf("%n  Contacts received %d (first contacts %d), settled %d, open %d%n",
                s.path("received").asLong(), s.path("firstContacts").asLong(), s.path("settled").asLong(), s.path("open").asLong());
        System.out.printf("  Direct-handling share   %s  (%d of %d first contacts)   target %s   gap %s%n",
                pct(direct.path("share")), direct.path("directlyHandled").asLong(), direct.path("firstContacts").asLong(),
                pct(direct.path("target")), pct(direct.path("gap")));
        System.out.printf("  Digital share           %s%n", pct(s.path("digital").path("share")));
        System.out.printf("  Transfers               %s  (%d)%n", pct(s.path("transfers").path("share")), s.path("transfers").path("count").asLong());
        System.out.printf("  Call-backs              %s  (%d requested, %d open past due)%n", pct(s.path("callbacks").path("rate")),
                s.path("callbacks").path("requested").asLong(), s.path("callbacks").path("openPastDue").asLong());
        JsonNode time = s.path("timeToSettle");
        System.out.printf("  Time to settle          median %s min, p90 %s min%n", time.path("medianMinutes").asText("–"), time.path("p90Minutes").asText("–"));
        System.out.printf("%n  %-13s %8s %7s %14s%n", "channel", "received", "share", "same-day answ.");
        for (JsonNode c : s.path("channels")) {
            System.out.printf("  %-13s %8d %7s %14s%n", c.path("channel").asText(), c.path("received").asLong(), pct(c.path("share")),
                    pct(c.path("sameDayShare")));
        }
        System.out.printf("%n  %-13s %8s %7s%n", "settled by", "count", "share");
        for (JsonNode t : s.path("tiers")) {
            System.out.printf("  %-13s %8d %7s%n", t.path("tier").asText(), t.path("settled").asLong(), pct(t.path("share")));
        }
    }

    /** One row per KPI, one column per model. */
    static void sideBySide(List<String> names, List<JsonNode> summaries) {
        System.out.printf("%n  %-28s", "KPI");
        names.forEach(n -> System.out.printf(" %22s", n));
        System.out.println();
        row("direct-handling share", summaries, s -> pct(s.path("directHandling").path("share")));
        row("gap to 80% target", summaries, s -> pct(s.path("directHandling").path("gap")));
        row("settled by first line", summaries, s -> tierShare(s, "FIRST_LINE"));
        row("settled by chain teams", summaries, s -> tierShare(s, "CHAIN_TEAM"));
        row("settled by back offices", summaries, s -> tierShare(s, "BACK_OFFICE"));
        row("transfer rate", summaries, s -> pct(s.path("transfers").path("share")));
        row("call-back rate", summaries, s -> pct(s.path("callbacks").path("rate")));
        row("open at end of day", summaries, s -> Long.toString(s.path("open").asLong()));
        row("median minutes to settle", summaries, s -> s.path("timeToSettle").path("medianMinutes").asText("–"));
    }

    static String tierShare(JsonNode s, String tier) {
        for (JsonNode t : s.path("tiers")) {
            if (tier.equals(t.path("tier").asText())) {
                return pct(t.path("share"));
            }
        }
        return pct(null);
    }

    private static void row(String label, List<JsonNode> summaries, java.util.function.Function<JsonNode, String> value) {
        System.out.printf("  %-28s", label);
        summaries.forEach(s -> System.out.printf(" %22s", value.apply(s)));
        System.out.println();
    }
}
