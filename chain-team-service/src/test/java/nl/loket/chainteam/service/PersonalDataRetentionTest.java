package nl.loket.chainteam.service;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import nl.loket.chainteam.StoredRows;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Personal fields of RESOLVED work items are erased once they were resolved longer ago than
 * {@code loket.chain-team.retention.personal-data} (30 days); younger resolved items and open items keep theirs, and
 * the facts the KPIs count stay.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class PersonalDataRetentionTest {

    private static final List<String> PERSONAL = List.of("subject", "text", "citizen_ref", "citizen_name",
            "citizen_email", "citizen_phone", "routing_reason", "transfer_reason");
    private static final List<String> FACTS = List.of("contact_id", "team_id", "tier", "hop", "channel",
            "municipality", "status", "assignee", "received_at", "assigned_at", "due_at", "product_uri", "outcome",
            "resolved_at", "callback_requested");

    @Inject
    AgroalDataSource db;

    @Inject
    PersonalDataRetention retention;

    private final String kcc = token("kcc-r", "gemeente", "kcc");

    @Test
    void personalFieldsOfItemsResolvedLongerAgoThanTheRetentionAreErasedAndNothingElse() throws Throwable {
        String oldResolved = resolvedWithCallbackAndNote();
        String youngResolved = resolvedWithCallbackAndNote();
        String oldOpen = newContactId();
        sendAndAwait(assigned(oldOpen, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL,
                Instant.now().minus(Duration.ofDays(90)), null, null));
        setResolvedAt(oldResolved, Instant.now().minus(Duration.ofDays(31)));
        setResolvedAt(youngResolved, Instant.now().minus(Duration.ofDays(29)));
        Map<String, Object> oldBefore = StoredRows.workItem(db, oldResolved);
        Map<String, Object> youngBefore = StoredRows.workItem(db, youngResolved);
        Map<String, Object> openBefore = StoredRows.workItem(db, oldOpen);
        List<Map<String, Object>> oldHistoryBefore = StoredRows.history(db, oldResolved);

        int erased = VertxContextSupport.subscribeAndAwait(() -> retention.eraseExpired(Instant.now()));

        assertThat(erased).isGreaterThanOrEqualTo(1);
        Map<String, Object> old = StoredRows.workItem(db, oldResolved);
        PERSONAL.forEach(column -> assertThat(old.get(column)).as(column).isNull());
        assertThat(old.get("personal_data_erased_at")).isNotNull();
        FACTS.forEach(column -> assertThat(old.get(column)).as(column).isEqualTo(oldBefore.get(column)));
        assertThat(StoredRows.callbacks(db, oldResolved)).singleElement().satisfies(c -> {
            assertThat(c.get("note")).isNull();
            assertThat(c.get("completion_note")).isNull();
            assertThat(c.get("reached")).isEqualTo(true);
            assertThat(c.get("completed_at")).isNotNull();
        });
        List<Map<String, Object>> oldHistory = StoredRows.history(db, oldResolved);
        assertThat(oldHistory).extracting(e -> e.get("note")).containsOnlyNulls();
        assertThat(oldHistory).extracting(e -> e.get("action"), e -> e.get("actor"), e -> e.get("occurred_at"),
                e -> e.get("outcome"), e -> e.get("status_after")).containsExactlyElementsOf(oldHistoryBefore.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.get("action"), e.get("actor"),
                                e.get("occurred_at"), e.get("outcome"), e.get("status_after")))
                        .toList());

        assertThat(StoredRows.workItem(db, youngResolved)).as("resolved 29 days ago").isEqualTo(youngBefore);
        assertThat(StoredRows.callbacks(db, youngResolved)).singleElement()
                .satisfies(c -> assertThat(c.get("note")).isEqualTo("Bel terug over de container"));
        assertThat(StoredRows.history(db, youngResolved)).extracting(e -> e.get("note"))
                .contains("Container wordt morgen geleegd");
        Map<String, Object> open = StoredRows.workItem(db, oldOpen);
        PERSONAL.stream().filter(c -> !c.equals("transfer_reason"))
                .forEach(column -> assertThat(open.get(column)).as("open item's " + column).isNotNull()
                        .isEqualTo(openBefore.get(column)));
        assertThat(open.get("personal_data_erased_at")).isNull();

        // a second run leaves the erased item as it is
        VertxContextSupport.subscribeAndAwait(() -> retention.eraseExpired(Instant.now()));
        assertThat(StoredRows.workItem(db, oldResolved)).isEqualTo(old);
    }

    /** A KCC item with a completed call-back (notes) and a resolution note, RESOLVED now. */
    private String resolvedWithCallbackAndNote() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        String cb = as(kcc).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", "burgerzaken", "note", "Bel terug over de container"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201).extract().path("callbackId");
        as(kcc).contentType(ContentType.JSON).body(Map.of("reached", true, "note", "Gesproken met J. Jansen"))
                .post("/api/v1/callbacks/" + cb + "/complete").then().statusCode(200);
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "note", "Container wordt morgen geleegd"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);
        return id;
    }

    private void setResolvedAt(String contactId, Instant at) {
        assertThat(StoredRows.update(db, "update work_item set resolved_at = ? where contact_id = ?",
                Timestamp.from(at), contactId)).isEqualTo(1);
    }
}
