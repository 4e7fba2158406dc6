package nl.loket.kit.privacy;

import java.time.Instant;

import nl.loket.kit.db.Columns;

/** One logged read (or request) of a contact's personal data, as the operator's query returns it. */
public record ProcessingLogEntry(long id, Instant loggedAt, String actor, String organisation, String roles,
        Purpose purpose, String purposeLabel, String endpoint, String requestId, String contactId) {

    static final String COLUMNS = "id, logged_at, actor, organisation, roles, purpose, endpoint, request_id, contact_id";

    static ProcessingLogEntry of(Object[] c) {
        Purpose purpose = Purpose.valueOf((String) c[5]);
        return new ProcessingLogEntry(((Number) c[0]).longValue(), Columns.instant(c[1]), (String) c[2], (String) c[3],
                (String) c[4], purpose, purpose.label(), (String) c[6], (String) c[7], (String) c[8]);
    }
}
