package nl.loket.demo;

import java.util.Map;

import nl.loket.demo.ContactScript.ScriptedContact;

/**
 * One day of the learning week in figures. {@code contacts}: accepted by intake; {@code observed}: those whose first
 * team (the queue they appeared in at hop 0) an agent saw; {@code routedRight}: of those, first team = the team the
 * contact belongs to ({@code intendedTeam}); the same for the hard phrasings; {@code transfers}: the agents' transfers
 * of the day's contacts; {@code modelVersion}: routing's live model during the day (null: none, rules only);
 * {@code retrain}: the training round after the day (null when it failed).
 */
public record LearningDay(int day, int contacts, int settled, int observed, int routedRight, int hardObserved,
        int hardRoutedRight, int transfers, Integer modelVersion, TrainReport retrain) {

    /** The day's figures from what the agents saw. */
    public static LearningDay of(int day, Map<String, ScriptedContact> contacts, Map<String, String> firstTeams,
            int settled, int transfers, Integer modelVersion, TrainReport retrain) {
        int observed = 0;
        int right = 0;
        int hardObserved = 0;
        int hardRight = 0;
        for (Map.Entry<String, ScriptedContact> e : contacts.entrySet()) {
            String first = firstTeams.get(e.getKey());
            if (first == null) {
                continue;
            }
            boolean correct = first.equals(e.getValue().intendedTeam());
            observed++;
            right += correct ? 1 : 0;
            if (e.getValue().hard()) {
                hardObserved++;
                hardRight += correct ? 1 : 0;
            }
        }
        return new LearningDay(day, contacts.size(), settled, observed, right, hardObserved, hardRight, transfers,
                modelVersion, retrain);
    }

    /** Share of the observed contacts whose first team was the right one (NaN when none was observed). */
    public double accuracy() {
        return share(routedRight, observed);
    }

    /** The same for the hard phrasings only. */
    public double hardAccuracy() {
        return share(hardRoutedRight, hardObserved);
    }

    /** Transfers per contact (NaN without contacts). */
    public double transferRate() {
        return share(transfers, contacts);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
