package nl.loket.routing.domain;

import java.time.Instant;
import java.util.List;

/**
 * What became of a contact: the team that settled it (its label), the teams it was transferred away from, and the
 * team routing first chose; with the contact as received (for its text).
 */
public record Outcome(String contactId, String settledTeam, Instant settledAt, List<String> transferredFrom,
        String firstTeam, String contactJson) {

    /** A transfer corrected routing's first choice. */
    public boolean corrected() {
        return !transferredFrom.isEmpty();
    }
}
