package nl.loket.routing;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import nl.loket.contracts.EventJson;

/** What routing's tables hold about a contact, read straight from PostgreSQL (blocking; test threads only). */
record StoredContacts(Pool pool) {

    /** The contact's row: its JSON, global reference, erasure time and first decision. */
    record Contact(JsonNode json, String rawJson, String citizenRef, Instant erasedAt, String teamId, String reason,
            Instant routedAt) {
    }

    /** A transfer's row with its two stored event documents. */
    record Transfer(int hop, String teamId, String reason, String routedJson, JsonNode assigned, String rawAssigned) {
    }

    Contact contact(String contactId) {
        Row r = pool.preparedQuery("select contact_json, citizen_ref, personal_data_erased_at, team_id, reason, "
                + "routed_at from routed_contact where contact_id = $1").executeAndAwait(Tuple.of(contactId))
                .iterator().next();
        return new Contact(tree(r.getString(0)), r.getString(0), r.getString(1), instant(r, 2), r.getString(3),
                r.getString(4), instant(r, 5));
    }

    List<Transfer> transfers(String contactId) {
        List<Transfer> transfers = new java.util.ArrayList<>();
        pool.preparedQuery("select hop, team_id, reason, routed_json, assigned_json from routing_decision "
                + "where contact_id = $1 and hop > 0 order by hop").executeAndAwait(Tuple.of(contactId))
                .forEach(r -> transfers.add(new Transfer(r.getInteger(0), r.getString(1), r.getString(2),
                        r.getString(3), tree(r.getString(4)), r.getString(4))));
        return transfers;
    }

    private static Instant instant(Row r, int column) {
        return r.getOffsetDateTime(column) == null ? null : r.getOffsetDateTime(column).toInstant();
    }

    private static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
