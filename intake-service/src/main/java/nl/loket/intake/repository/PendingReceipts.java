package nl.loket.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.ReceiptStatus;

/**
 * Stores a new receipt PENDING in one statement: no session, no transaction around a single insert (one round trip
 * instead of begin–insert–commit), and the idempotency key's check in the same statement ({@code on conflict do
 * nothing} on the adapter's key) instead of a query before it. The hot path of every accepted contact.
 */
@ApplicationScoped
public class PendingReceipts {

    // event_data as text cast to jsonb: a String bound to a jsonb parameter would be stored as one JSON string

    static final String INSERT = "insert into contact_receipt (contact_id, adapter_id, idempotency_key, request_hash,"
            + " event_id, received_at, accepted_at, status, event_data) values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb)"
            + " on conflict (adapter_id, idempotency_key) do nothing returning contact_id";

    private final Pool pool;

    public PendingReceipts(Pool pool) {
        this.pool = pool;
    }

    /** @return true when stored; false when the adapter's idempotency key already has a receipt (nothing stored) */
    public Uni<Boolean> storeIfNew(ContactReceipt r) {
        Tuple values = Tuple.tuple().addString(r.contactId).addString(r.adapterId).addString(r.idempotencyKey)
                .addString(r.requestHash).addString(r.eventId).addOffsetDateTime(utc(r.receivedAt))
                .addOffsetDateTime(utc(r.acceptedAt)).addString(ReceiptStatus.PENDING.name()).addString(r.eventData);
        return CallerContext.resumeOnCaller(pool.preparedQuery(INSERT).execute(values).map(rows -> rows.rowCount() == 1));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
