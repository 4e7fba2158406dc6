package nl.loket.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import nl.loket.demo.ContactScript.ScriptedContact;

/**
 * {@code ./loket simulate --learn}: the loop, shown. A simulated week for one municipality of its own (GM9905, a
 * simulation id): each day a new contact script (seed + day) with a share of hard phrasings, replayed through intake
 * while the simulated agents send every contact that is not theirs on to the team it belongs to; once the day's
 * contacts are settled (or stuck), routing's text model is retrained as the operator and the report kept. Per day:
 * how many contacts routing sent to the right team at once (the team whose queue showed them at hop 0 against the
 * script's intendedTeam), the transfer rate, the model live that day and whether the retrain promoted a new one.
 * Prints the table and writes a chart to {@code target/simulate-learn.png} of the repository.
 *
 * <p>Options: --days N (7), --contacts-per-day N (400), --seed S (20261127), --seconds-per-day N (60),
 * --hard-share F (0.3), --municipality GMxxxx (GM9905); --repo and --port-offset come from ./loket.
 */
public final class LearningWeek {

    static final String MUNICIPALITY = "GM9905";
    static final String CHART = "target/simulate-learn.png";

    private LearningWeek() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path repo = Path.of(".");
        int portOffset = 0;
        int days = 7;
        int perDay = 400;
        long seed = 20261127L;
        int seconds = 60;
        double hardShare = 0.3;
        String municipality = MUNICIPALITY;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--contacts-per-day" -> perDay = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--seconds-per-day" -> seconds = Integer.parseInt(args[++i]);
                case "--hard-share" -> hardShare = Double.parseDouble(args[++i]);
                case "--municipality" -> municipality = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --days N "
                        + "--contacts-per-day N --seed S --seconds-per-day N --hard-share F --municipality GMxxxx");
            }
        }
        if (days < 1 || perDay < 1 || seconds < 1 || hardShare < 0 || hardShare > 1) {
            throw new IllegalArgumentException("--days, --contacts-per-day and --seconds-per-day must be positive, "
                    + "--hard-share between 0 and 1");
        }
        LoketClient client = LoketClient.localDefaults(portOffset);
        ContactScript script = new ContactScript(repo);
        // a day's contacts get this long to be settled after the last one arrived
        int settleSeconds = Math.max(120, 3 * seconds);
        System.out.printf(Locale.ROOT, "A learning week for %s: %d days of %d contacts (seed %d, %.0f%% hard phrasings), "
                + "each compressed into %d s; routing's model is retrained after every day.%n", municipality, days, perDay,
                seed, hardShare * 100, seconds);

        List<LearningDay> week = new ArrayList<>();
        // routing trains its first version (the knowledge alone) within seconds of start: day 1 runs with it
        Integer liveAfterLastRetrain = null;
        for (int waited = 0; waited < 60 && liveAfterLastRetrain == null; waited++) {
            liveAfterLastRetrain = liveModel(client, null);
            if (liveAfterLastRetrain == null) {
                Thread.sleep(1000); // routing-service trains in its own process: polled, nothing to await here
            }
        }
        for (int d = 1; d <= days; d++) {
            Integer live = liveModel(client, liveAfterLastRetrain);
            System.out.printf("%nDay %d (seed %d), model live: %s%n", d, seed + d, live == null ? "none (rules only)" : "v" + live);
            List<ScriptedContact> contacts = script.day(perDay, seed + d, hardShare);
            // the learning week's agents always send a contact that is not theirs on to the team it belongs to
            DayRunner runner = new DayRunner(client, 1.0);
            runner.runUntilSettled(contacts, municipality, seconds, settleSeconds, seed + d);

            LoketClient.Answer trained = client.trainModel(seed + d);
            TrainReport report = trained.ok() && trained.body() != null ? TrainReport.of(trained.body()) : null;
            LearningDay day = LearningDay.of(d, runner.accepted(), runner.firstTeams(), runner.settled(), runner.transfers(),
                    live, report);
            week.add(day);
            System.out.println(dayLine(day));
            if (report != null) {
                System.out.printf("  retrain: %s; %d knowledge + %d outcome examples, holdout %d%s%n", report.summary(),
                        report.knowledgeExamples(), report.outcomeExamples(), report.holdout(),
                        report.note() == null || report.note().isBlank() ? "" : " — " + report.note());
                liveAfterLastRetrain = report.liveAfter();
            } else {
                System.out.printf("  retrain failed: %s %s (./loket logs routing)%n",
                        trained.status() == 0 ? "no answer" : "HTTP " + trained.status(),
                        trained.body() == null ? "" : trained.body().path("detail").asText(""));
            }
        }

        System.out.println();
        System.out.print(table(week));
        Path chart = repo.resolve(CHART).toAbsolutePath().normalize();
        LearningPlot.write(week, "Een week leren: routering en doorzettingen per dag (" + municipality + ")", chart);
        System.out.println();
        System.out.println("Chart: " + chart);
        System.out.println(reading(week));
    }

    /** The model live now ({@code GET /api/v1/routing/models}), or the one the last retrain left live when that fails. */
    static Integer liveModel(LoketClient client, Integer fallback) {
        LoketClient.Answer models = client.models();
        if (!models.ok() || models.body() == null || !models.body().isArray()) {
            System.out.printf("  (routing's model list answered HTTP %d; taking the last retrain's word)%n", models.status());
            return fallback;
        }
        for (JsonNode model : models.body()) {
            if ("LIVE".equals(model.path("status").asText())) {
                return model.path("version").asInt();
            }
        }
        return null;
    }

    static String dayLine(LearningDay day) {
        String seen = day.observed() < day.contacts() ? " (first team seen for " + day.observed() + ")" : "";
        return String.format(Locale.ROOT, "  %d contacts, %d settled; routed right at once %s%s, hard phrasings %s; "
                + "transfers %d (%s)", day.contacts(), day.settled(), pct(day.accuracy()), seen, pct(day.hardAccuracy()),
                day.transfers(), pct(day.transferRate()));
    }

    /** One row per day: contacts, settled, routed right at once, of the hard phrasings, transfer rate, model, retrain. */
    static String table(List<LearningDay> week) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %3s %8s %7s %12s %10s %9s %6s  %s%n", "day", "contacts", "settled",
                "routed right", "hard right", "transfers", "model", "retrain after the day"));
        for (LearningDay day : week) {
            out.append(String.format(Locale.ROOT, "  %3d %8d %7d %12s %10s %9s %6s  %s%n", day.day(), day.contacts(),
                    day.settled(), pct(day.accuracy()), pct(day.hardAccuracy()), pct(day.transferRate()),
                    day.modelVersion() == null ? "none" : "v" + day.modelVersion(),
                    day.retrain() == null ? "failed" : day.retrain().summary()));
        }
        return out.toString();
    }

    /** The week in one sentence, from the figures. */
    static String reading(List<LearningDay> week) {
        LearningDay first = week.get(0);
        LearningDay last = week.get(week.size() - 1);
        List<String> promoted = week.stream().filter(d -> d.retrain() != null && d.retrain().promoted())
                .map(d -> "v" + d.retrain().version() + " after day " + d.day()).toList();
        return String.format(Locale.ROOT, "Reading: routed right at once %s on day %d, %s on day %d (hard phrasings %s → %s); "
                + "transfers %s → %s; models promoted: %s.", pct(first.accuracy()), first.day(), pct(last.accuracy()),
                last.day(), pct(first.hardAccuracy()), pct(last.hardAccuracy()), pct(first.transferRate()),
                pct(last.transferRate()), promoted.isEmpty() ? "none" : String.join(", ", promoted));
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
