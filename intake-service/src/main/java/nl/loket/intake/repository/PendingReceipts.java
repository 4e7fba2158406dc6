package nl.loket.intake.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.ReceiptStatus;
import nl.loket.kit.db.GroupStatement;

/**
 * Stores new receipts PENDING: no session, no transaction around the insert, and the idempotency key's check in the
 * same statement ({@code on conflict do nothing} on the adapter's key) instead of a query before it. Receipts handed in
 * while an insert runs go together in the next one ({@link GroupStatement}): under load one statement stores a few dozen
 * contacts. The hot path of every accepted contact.
 */
@ApplicationScoped
public class PendingReceipts {

    // event_data as text cast to jsonb: a String bound to a jsonb parameter would be stored as one JSON string.
    // Two rows of one statement with the same adapter key: the first is stored, the second is not (do nothing).
    static final String INSERT = "insert into contact_receipt (contact_id, adapter_id, idempotency_key, request_hash,"
            + " event_id, received_at, accepted_at, status, event_data)"
            + " select r.contact_id, r.adapter_id, r.idempotency_key, r.request_hash, r.event_id, r.received_at,"
            + " r.accepted_at, r.status, r.event_data::jsonb"
            + " from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],"
            + " $6::timestamptz[], $7::timestamptz[], $8::varchar[], $9::text[])"
            + " as r(contact_id, adapter_id, idempotency_key, request_hash, event_id, received_at, accepted_at, status,"
            + " event_data)"
            + " on conflict (adapter_id, idempotency_key) do nothing returning contact_id";
    /** Most receipts in one statement. */
    static final int MAX_BATCH = 200;

    private final Pool pool;
    private final GroupStatement<ContactReceipt, Boolean> inserts = new GroupStatement<>(MAX_BATCH, this::insert);

    public PendingReceipts(Pool pool) {
        this.pool = pool;
    }

    /** @return true when stored; false when the adapter's idempotency key already has a receipt (nothing stored) */
    public Uni<Boolean> storeIfNew(ContactReceipt receipt) {
        return inserts.submit(receipt);
    }

    private Uni<List<Boolean>> insert(List<ContactReceipt> receipts) {
        int n = receipts.size();
        String[] contactIds = new String[n];
        String[] adapterIds = new String[n];
        String[] keys = new String[n];
        String[] hashes = new String[n];
        String[] eventIds = new String[n];
        OffsetDateTime[] receivedAt = new OffsetDateTime[n];
        OffsetDateTime[] acceptedAt = new OffsetDateTime[n];
        String[] statuses = new String[n];
        String[] eventData = new String[n];
        for (int i = 0; i < n; i++) {
            ContactReceipt r = receipts.get(i);
            contactIds[i] = r.contactId;
            adapterIds[i] = r.adapterId;
            keys[i] = r.idempotencyKey;
            hashes[i] = r.requestHash;
            eventIds[i] = r.eventId;
            receivedAt[i] = r.receivedAt.atOffset(ZoneOffset.UTC);
            acceptedAt[i] = r.acceptedAt.atOffset(ZoneOffset.UTC);
            statuses[i] = ReceiptStatus.PENDING.name();
            eventData[i] = r.eventData;
        }
        Tuple values = Tuple.tuple().addArrayOfString(contactIds).addArrayOfString(adapterIds).addArrayOfString(keys)
                .addArrayOfString(hashes).addArrayOfString(eventIds).addArrayOfOffsetDateTime(receivedAt)
                .addArrayOfOffsetDateTime(acceptedAt).addArrayOfString(statuses).addArrayOfString(eventData);
        return pool.preparedQuery(INSERT).execute(values).map(rows -> {
            Set<String> stored = new HashSet<>();
            for (Row row : rows) {
                stored.add(row.getString(0));
            }
            return receipts.stream().map(r -> stored.contains(r.contactId)).toList();
        });
    }
}
