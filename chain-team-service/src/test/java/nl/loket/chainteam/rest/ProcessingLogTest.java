package nl.loket.chainteam.rest;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.processingLog;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Every answer that shows a contact's personal data to an agent is in the processing log first: who (actor,
 * organisation, roles), which contact, through which endpoint and why; an operator reads it at
 * {@code GET /api/v1/processing-log}.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class ProcessingLogTest {

    @Test
    void agentReadsOfAWorkItemItsHistoryAndCallbacksAreLoggedWithActorPurposeAndEndpoint() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        String agent = token("reader-1", "gemeente", "kcc");

        as(agent).get("/api/v1/items/" + id).then().statusCode(200);
        as(agent).get("/api/v1/items/" + id + "/history").then().statusCode(200);
        as(agent).get("/api/v1/items/" + id + "/callbacks").then().statusCode(200);

        List<Map<String, Object>> entries = processingLog("contactId=" + id + "&actor=reader-1");
        assertThat(entries).extracting(e -> e.get("purpose"), e -> e.get("endpoint")).containsExactlyInAnyOrder(
                tuple("CONTACT_HANDLING", "GET /api/v1/items/{contactId}"),
                tuple("CASE_HISTORY", "GET /api/v1/items/{contactId}/history"),
                tuple("CASE_HISTORY", "GET /api/v1/items/{contactId}/callbacks"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("reader-1");
            assertThat(e.get("organisation")).isEqualTo("gemeente");
            assertThat((String) e.get("roles")).contains("agent");
            assertThat(e.get("contactId")).isEqualTo(id);
            assertThat(Instant.parse((String) e.get("loggedAt"))).isBefore(Instant.now());
            assertThat((String) e.get("purposeLabel")).isNotBlank();
        });
    }

    @Test
    void actionsThatAnswerWithTheContactsDataAreLoggedAsContactHandling() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        String agent = token("handler-1", "gemeente", "kcc");

        as(agent).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        as(agent).post("/api/v1/items/" + id + "/release").then().statusCode(200);
        String callbackId = as(agent).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", "burgerzaken", "note", "Bel terug"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201).extract().path("callbackId");
        as(agent).contentType(ContentType.JSON).body(Map.of("reached", true, "note", "Gesproken"))
                .post("/api/v1/callbacks/" + callbackId + "/complete").then().statusCode(200);
        as(agent).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);

        assertThat(processingLog("contactId=" + id + "&actor=handler-1"))
                .extracting(e -> e.get("purpose"), e -> e.get("endpoint")).containsExactlyInAnyOrder(
                        tuple("CONTACT_HANDLING", "POST /api/v1/items/{contactId}/claim"),
                        tuple("CONTACT_HANDLING", "POST /api/v1/items/{contactId}/release"),
                        tuple("CONTACT_HANDLING", "POST /api/v1/items/{contactId}/callbacks"),
                        tuple("CONTACT_HANDLING", "POST /api/v1/callbacks/{callbackId}/complete"),
                        tuple("CONTACT_HANDLING", "POST /api/v1/items/{contactId}/resolve"));
    }

    @Test
    void aQueuePageIsLoggedOnceForEachContactOnIt() {
        String product = "http://standaarden.overheid.nl/owms/terms/test-" + UUID.randomUUID();
        List<String> ids = List.of(newContactId(), newContactId(), newContactId());
        ids.forEach(id -> sendAndAwait(withProduct(assigned(id, "kcc"), product)));
        String agent = token("queue-reader-1", "gemeente", "kcc");

        List<String> shown = as(agent).get("/api/v1/teams/kcc/items?product=" + product).then().statusCode(200)
                .extract().jsonPath().getList("items.contactId");
        assertThat(shown).containsExactlyInAnyOrderElementsOf(ids);

        List<Map<String, Object>> entries = processingLog("actor=queue-reader-1&purpose=QUEUE_OVERVIEW");
        assertThat(entries).extracting(e -> e.get("contactId")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(entries).extracting(e -> e.get("endpoint")).containsOnly("GET /api/v1/teams/{teamId}/items");
        assertThat(entries).extracting(e -> e.get("loggedAt")).as("one insert, one time").hasSameSizeAs(ids)
                .containsOnly(entries.get(0).get("loggedAt"));
    }

    @Test
    void aTeamsCallbacksAreLoggedForTheContactsTheyConcern() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        as(token("requester-2", "gemeente", "kcc")).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", "vergunningen", "note", "Bel terug over de vergunning"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201);

        as(token("callback-reader-1", "gemeente", "vergunningen")).get("/api/v1/teams/vergunningen/callbacks")
                .then().statusCode(200);

        assertThat(processingLog("contactId=" + id + "&actor=callback-reader-1"))
                .extracting(e -> e.get("purpose"), e -> e.get("endpoint"))
                .containsExactly(tuple("QUEUE_OVERVIEW", "GET /api/v1/teams/{teamId}/callbacks"));
    }

    @Test
    void anEmptyPageAndARefusedReadAreNotLogged() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        String stranger = token("stranger-1", "partner-org", "omgeving");

        as(stranger).get("/api/v1/items/" + id).then().statusCode(404);
        as(stranger).get("/api/v1/teams/kcc/items").then().statusCode(403);
        as(stranger).get("/api/v1/teams/omgeving/items?product=http://example.nl/none").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());

        assertThat(processingLog("actor=stranger-1")).isEmpty();
    }

    private static ContactAssigned withProduct(ContactAssigned a, String productUri) {
        return new ContactAssigned(a.contactId(), a.teamId(), a.tier(), a.hop(), a.municipality(), a.channel(),
                a.receivedAt(), a.subject(), a.text(), a.language(), a.citizen(), a.caseReference(), productUri,
                a.productName(), a.categoryId(), new HandlingTerm(5, TermUnit.WORKING_DAYS), a.reason(),
                a.confidence(), a.previousTeamId(), a.transferReason(), a.followUpOf(), a.routedAt());
    }
}
