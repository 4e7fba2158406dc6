package nl.loket.kit.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDateTime;

/** One logged read (or request) of a contact's personal data, as the operator's query returns it. */
public record ProcessingLogEntry(long id, Instant loggedAt, String actor, String organisation, String roles,
        Purpose purpose, String purposeLabel, String endpoint, String requestId, String contactId) {

    static final String COLUMNS = "id, logged_at, actor, organisation, roles, purpose, endpoint, request_id, contact_id";

    static ProcessingLogEntry of(Object[] c) {
        Purpose purpose = Purpose.valueOf((String) c[5]);
        return new ProcessingLogEntry(((Number) c[0]).longValue(), instant(c[1]), (String) c[2], (String) c[3],
                (String) c[4], purpose, purpose.label(), (String) c[6], (String) c[7], (String) c[8]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
