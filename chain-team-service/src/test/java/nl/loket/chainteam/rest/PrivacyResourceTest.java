package nl.loket.chainteam.rest;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.operator;
import static nl.loket.chainteam.TestSupport.processingLog;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.loket.chainteam.StoredRows;
import nl.loket.chainteam.TestSupport;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Data-subject requests for contacts by id (operator): inzage lists everything this service holds about them;
 * erasure empties their personal fields whatever their status and keeps the facts; both are in the processing log
 * with the request id.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class PrivacyResourceTest {

    private static final String REQUEST_ID = "X-Loket-Request-Id";

    @Inject
    AgroalDataSource db;

    private final String operator = operator("privacy-op", "gemeente");
    private final String kcc = token("kcc-p", "gemeente", "kcc");

    @Test
    void inzageListsTheWorkItemItsHistoryAndCallbacksOfTheContactsThisServiceHolds() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        as(kcc).contentType(ContentType.JSON).body(Map.of("targetTeamId", "burgerzaken", "note", "Bel terug over paspoort"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201);
        String unknown = newContactId();
        String requestId = "req-" + UUID.randomUUID();

        JsonPath inzage = as(operator).header(REQUEST_ID, requestId).contentType(ContentType.JSON)
                .body(Map.of("contactIds", List.of(id, unknown))).post("/api/v1/privacy/inzage")
                .then().statusCode(200).extract().jsonPath();

        assertThat(inzage.getString("service")).isEqualTo("chain-team-service");
        assertThat(inzage.getList("contacts.contactId")).containsExactly(id);
        assertThat(inzage.getString("contacts[0].text")).isEqualTo("Mijn container is niet geleegd");
        assertThat(inzage.getString("contacts[0].subject")).isEqualTo("Vraag");
        assertThat(inzage.getString("contacts[0].citizen.name")).isEqualTo("J. Jansen");
        assertThat(inzage.getString("contacts[0].citizen.email")).isEqualTo("j.jansen@example.nl");
        assertThat(inzage.getString("contacts[0].status")).isEqualTo("CALLBACK_PENDING");
        assertThat(inzage.getList("contacts[0].history.action"))
                .containsExactly("ASSIGNED", "CLAIMED", "CALLBACK_REQUESTED");
        assertThat(inzage.getList("contacts[0].callbacks.note")).containsExactly("Bel terug over paspoort");
        assertThat(inzage.getString("contacts[0].personalDataErasedAt")).isNull();

        List<Map<String, Object>> logged = processingLog("contactId=" + id + "&purpose=SUBJECT_ACCESS");
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.get("actor")).isEqualTo("privacy-op");
            assertThat(e.get("requestId")).isEqualTo(requestId);
            assertThat(e.get("endpoint")).isEqualTo("POST /api/v1/privacy/inzage");
        });
        assertThat(processingLog("contactId=" + unknown)).isEmpty();
    }

    @Test
    void aRequestForContactsThisServiceDoesNotHoldAnswersNoneAndIsLoggedWithoutAContact() {
        String requestId = "req-" + UUID.randomUUID();
        as(operator).header(REQUEST_ID, requestId).contentType(ContentType.JSON)
                .body(Map.of("contactIds", List.of(newContactId()))).post("/api/v1/privacy/inzage")
                .then().statusCode(200).body("contacts", org.hamcrest.Matchers.empty());
        as(operator).header(REQUEST_ID, requestId).contentType(ContentType.JSON)
                .body(Map.of("contactIds", List.of(newContactId()))).post("/api/v1/privacy/erasure")
                .then().statusCode(200).body("erased", org.hamcrest.Matchers.empty());

        List<Map<String, Object>> logged = processingLog("actor=privacy-op&limit=1000").stream()
                .filter(e -> requestId.equals(e.get("requestId"))).toList();
        assertThat(logged).extracting(e -> e.get("purpose"))
                .containsExactlyInAnyOrder("SUBJECT_ACCESS", "SUBJECT_ERASURE");
        assertThat(logged).allSatisfy(e -> assertThat(e.get("contactId")).isNull());
    }

    @Test
    void erasureEmptiesThePersonalFieldsWhateverTheStatusKeepsTheFactsAndIsIdempotent() {
        // an open item with a completed call-back, a resolved one, and one transferred to another team
        String open = newContactId();
        sendAndAwait(TestSupport.withArticle(assigned(open, "kcc"), "vac-container-kapot", 0.8));
        String cb = as(kcc).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", "burgerzaken", "note", "Bel mevrouw Jansen terug"))
                .post("/api/v1/items/" + open + "/callbacks").then().statusCode(201).extract().path("callbackId");
        as(kcc).contentType(ContentType.JSON).body(Map.of("reached", true, "note", "Mevrouw Jansen gesproken"))
                .post("/api/v1/callbacks/" + cb + "/complete").then().statusCode(200);
        String resolved = newContactId();
        sendAndAwait(assigned(resolved, "kcc"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "note", "Uitgelegd aan J. Jansen"))
                .post("/api/v1/items/" + resolved + "/resolve").then().statusCode(200);
        String transferred = newContactId();
        sendAndAwait(assigned(transferred, "kcc"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "omgeving", "reason", "Jansen wil een vergunning"))
                .post("/api/v1/items/" + transferred + "/transfer").then().statusCode(202);
        sendAndAwait(assigned(transferred, "omgeving", Tier.CHAIN_TEAM, 1, Channel.WEB_FORM, Instant.now(),
                new HandlingTerm(8, TermUnit.WORKING_DAYS), "kcc"));
        await().atMost(TestSupport.WAIT).until(() -> StoredRows.rows(db,
                "select 1 from outbox_event where message_key = ? and sent_at is not null", transferred).size() >= 1);
        Map<String, Object> openBefore = StoredRows.workItem(db, open);
        Map<String, Object> resolvedBefore = StoredRows.workItem(db, resolved);
        Map<String, Object> transferredBefore = StoredRows.workItem(db, transferred);
        String requestId = "req-" + UUID.randomUUID();

        List<String> erased = as(operator).header(REQUEST_ID, requestId).contentType(ContentType.JSON)
                .body(Map.of("contactIds", List.of(open, resolved, transferred, newContactId())))
                .post("/api/v1/privacy/erasure").then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("chain-team-service"))
                .extract().jsonPath().getList("erased");

        assertThat(erased).containsExactlyInAnyOrder(open, resolved, transferred);
        for (String id : erased) {
            assertPersonalFieldsErased(id);
        }
        assertFactsKept(openBefore, StoredRows.workItem(db, open));
        assertThat(StoredRows.workItem(db, open)).as("routing's knowledge article and confidence are facts")
                .containsEntry("article_id", "vac-container-kapot").containsEntry("routing_confidence", 0.8);
        assertFactsKept(resolvedBefore, StoredRows.workItem(db, resolved));
        assertFactsKept(transferredBefore, StoredRows.workItem(db, transferred));
        assertThat(StoredRows.history(db, open)).filteredOn(e -> "CALLBACK_COMPLETED".equals(e.get("action")))
                .extracting(e -> e.get("reason")).as("the service's own words stay").containsExactly("reached");
        assertThat(StoredRows.callbacks(db, open)).singleElement()
                .satisfies(c -> assertThat(c.get("reached")).isEqualTo(true));
        assertThat(StoredRows.rows(db, "select 1 from outbox_event where message_key = ? and sent_at is not null",
                transferred)).as("published events of the contact").isEmpty();
        assertThat(processingLog("purpose=SUBJECT_ERASURE&actor=privacy-op&limit=1000").stream()
                .filter(e -> requestId.equals(e.get("requestId"))).map(e -> e.get("contactId")))
                .containsExactlyInAnyOrder(open, resolved, transferred);

        JsonPath inzage = as(operator).contentType(ContentType.JSON).body(Map.of("contactIds", List.of(open)))
                .post("/api/v1/privacy/inzage").then().statusCode(200).extract().jsonPath();
        assertThat(inzage.getString("contacts[0].personalDataErasedAt")).isNotNull();
        assertThat(inzage.getString("contacts[0].text")).isNull();
        assertThat(inzage.getString("contacts[0].status")).isEqualTo("OPEN");
        assertThat(inzage.getList("contacts[0].history.action")).contains("ASSIGNED", "CALLBACK_COMPLETED");

        // idempotent: the same answer, nothing erased again
        Object erasedAt = StoredRows.workItem(db, open).get("personal_data_erased_at");
        as(operator).contentType(ContentType.JSON).body(Map.of("contactIds", List.of(open, resolved, transferred)))
                .post("/api/v1/privacy/erasure").then().statusCode(200)
                .body("erased", org.hamcrest.Matchers.containsInAnyOrder(open, resolved, transferred));
        assertThat(StoredRows.workItem(db, open).get("personal_data_erased_at")).isEqualTo(erasedAt);

        // the open item stays workable, without personal data
        as(kcc).get("/api/v1/items/" + open).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("text", org.hamcrest.Matchers.nullValue())
                .body("citizen", org.hamcrest.Matchers.nullValue())
                .body("personalDataErasedAt", org.hamcrest.Matchers.notNullValue());
        as(kcc).post("/api/v1/items/" + open + "/claim").then().statusCode(200);
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "INFORMED"))
                .post("/api/v1/items/" + open + "/resolve").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RESOLVED"));
    }

    @Test
    void anErasedItemTakesNoPersonalDataFromALaterAssignment() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "omgeving", "reason", "Jansen wil bouwen"))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(202);
        as(operator).contentType(ContentType.JSON).body(Map.of("contactIds", List.of(id)))
                .post("/api/v1/privacy/erasure").then().statusCode(200);

        // routing-service re-publishes the transfer before its own copy is erased
        sendAndAwait(assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.WEB_FORM, Instant.now(),
                new HandlingTerm(8, TermUnit.WORKING_DAYS), "kcc"));

        Map<String, Object> item = StoredRows.workItem(db, id);
        assertThat(item.get("team_id")).isEqualTo("omgeving");
        assertThat(item.get("status")).isEqualTo("OPEN");
        assertPersonalFieldsErased(id);
    }

    @Test
    void aCitizenWithoutContactsGetsAnEmptyAnswerThatIsLogged() {
        String requestId = "req-" + UUID.randomUUID();
        as(operator).header(REQUEST_ID, requestId).contentType(ContentType.JSON).body(Map.of("contactIds", List.of()))
                .post("/api/v1/privacy/inzage").then().statusCode(200).body("contacts", org.hamcrest.Matchers.empty());
        as(operator).header(REQUEST_ID, requestId).contentType(ContentType.JSON).body(Map.of("contactIds", List.of()))
                .post("/api/v1/privacy/erasure").then().statusCode(200).body("erased", org.hamcrest.Matchers.empty());

        assertThat(processingLog("actor=privacy-op&limit=1000").stream()
                .filter(e -> requestId.equals(e.get("requestId"))).map(e -> e.get("purpose")))
                .containsExactlyInAnyOrder("SUBJECT_ACCESS", "SUBJECT_ERASURE");
    }

    @Test
    void aRequestWithoutTheListOrWithABlankIdIs400() {
        as(operator).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/privacy/inzage").then().statusCode(400);
        as(operator).contentType(ContentType.JSON).body(Map.of("contactIds", List.of(" ")))
                .post("/api/v1/privacy/erasure").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasSize(1));
    }

    private void assertPersonalFieldsErased(String id) {
        Map<String, Object> item = StoredRows.workItem(db, id);
        for (String column : List.of("subject", "text", "citizen_ref", "citizen_name", "citizen_email", "citizen_phone",
                "routing_reason", "transfer_reason")) {
            assertThat(item.get(column)).as("%s of %s", column, id).isNull();
        }
        assertThat(item.get("personal_data_erased_at")).as(id).isNotNull();
        assertThat(StoredRows.callbacks(db, id)).allSatisfy(c -> {
            assertThat(c.get("note")).isNull();
            assertThat(c.get("completion_note")).isNull();
        });
        assertThat(StoredRows.history(db, id)).allSatisfy(e -> {
            assertThat(e.get("note")).as("note of %s", e.get("action")).isNull();
            if (List.of("ASSIGNED", "TRANSFER_REQUESTED").contains(e.get("action"))) {
                assertThat(e.get("reason")).as("reason of %s", e.get("action")).isNull();
            }
        });
    }

    private static void assertFactsKept(Map<String, Object> before, Map<String, Object> after) {
        for (String column : List.of("contact_id", "team_id", "tier", "hop", "channel", "municipality", "status",
                "assignee", "received_at", "assigned_at", "due_at", "product_uri", "article_id", "routing_confidence",
                "outcome", "resolved_at", "callback_requested", "previous_team_id")) {
            assertThat(after.get(column)).as(column).isEqualTo(before.get(column));
        }
    }
}
