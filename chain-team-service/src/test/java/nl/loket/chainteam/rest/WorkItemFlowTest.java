package nl.loket.chainteam.rest;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.lifecycle;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static nl.loket.chainteam.TestSupport.withArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.chainteam.StoredRows;
import nl.loket.chainteam.TestSupport;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class WorkItemFlowTest {

    @Inject
    AgroalDataSource db;

    private final String kcc = token("agent-1", "gemeente", "kcc");
    private final String kcc2 = token("agent-2", "gemeente", "kcc");

    private static JsonNode data(String json) throws Exception {
        return EventJson.mapper().readTree(json);
    }

    @Test
    void assignedContactAppearsInTheTeamQueueSortedByDueTime() {
        String later = newContactId();
        String sooner = newContactId();
        sendAndAwait(assigned(later, "omgeving", Tier.CHAIN_TEAM, 0, Channel.EMAIL, Instant.now(),
                new HandlingTerm(20, TermUnit.WORKING_DAYS), null));
        sendAndAwait(assigned(sooner, "omgeving", Tier.CHAIN_TEAM, 0, Channel.EMAIL, Instant.now(),
                new HandlingTerm(2, TermUnit.WORKING_DAYS), null));
        String omgeving = token("m-1", "gemeente", "omgeving");
        List<String> ids = as(omgeving).get("/api/v1/teams/omgeving/items?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.contactId");
        assertThat(ids).contains(sooner, later);
        assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(later));
        as(omgeving).get("/api/v1/items/" + sooner).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("tier", equalTo("CHAIN_TEAM"))
                .body("citizen.name", equalTo("J. Jansen")).body("$", not(org.hamcrest.Matchers.hasKey("bsn")));
    }

    @Test
    void queueFiltersByStatusChannelProductAndOverdue() {
        String phone = newContactId();
        String overdue = newContactId();
        sendAndAwait(assigned(phone, "belastingen", Tier.CHAIN_TEAM, 0, Channel.PHONE, Instant.now(),
                new HandlingTerm(5, TermUnit.WORKING_DAYS), null));
        sendAndAwait(assigned(overdue, "belastingen", Tier.CHAIN_TEAM, 0, Channel.LETTER,
                Instant.now().minus(Duration.ofDays(40)), new HandlingTerm(5, TermUnit.WORKING_DAYS), null));
        String t = token("b-1", "gemeente", "belastingen");
        as(t).get("/api/v1/teams/belastingen/items?channel=PHONE").then().statusCode(200)
                .body("items.contactId", hasItem(phone)).body("items.contactId", not(hasItem(overdue)));
        as(t).get("/api/v1/teams/belastingen/items?overdue=true").then().statusCode(200)
                .body("items.contactId", hasItem(overdue)).body("items.contactId", not(hasItem(phone)));
        as(t).get("/api/v1/teams/belastingen/items?overdue=false&product=http://standaarden.overheid.nl/owms/terms/afvalcontainer")
                .then().statusCode(200).body("items.contactId", hasItem(phone));
        as(t).post("/api/v1/items/" + phone + "/claim").then().statusCode(200);
        as(t).get("/api/v1/teams/belastingen/items?status=OPEN").then().statusCode(200)
                .body("items.contactId", not(hasItem(phone)));
        as(t).get("/api/v1/teams/belastingen/items?status=CLAIMED,OPEN&size=1&page=0").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1));
    }

    @Test
    void mineAndAssigneeFilterTheQueueOrderedByDueTimeThenReceiptThenContactId() {
        // five items claimed by one member: one due sooner, four due at the same time with receipts in order (the
        // last two received at the same instant); one more claimed by another member
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String sooner = newContactId();
        String first = newContactId();
        String second = newContactId();
        String sameA = newContactId();
        String sameB = newContactId();
        String others = newContactId();
        Map<String, Instant> received = Map.of(sooner, now.minus(Duration.ofMinutes(1)),
                first, now.minus(Duration.ofMinutes(30)), second, now.minus(Duration.ofMinutes(20)),
                sameA, now.minus(Duration.ofMinutes(10)), sameB, now.minus(Duration.ofMinutes(10)),
                others, now.minus(Duration.ofMinutes(5)));
        received.forEach((id, at) -> sendAndAwait(assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, at,
                new HandlingTerm(5, TermUnit.WORKING_DAYS), null)));
        Instant due = now.plus(Duration.ofDays(5));
        for (String id : List.of(first, second, sameA, sameB, others)) {
            StoredRows.update(db, "update work_item set due_at = ? where contact_id = ?",
                    due.atOffset(ZoneOffset.UTC), id);
        }
        StoredRows.update(db, "update work_item set due_at = ? where contact_id = ?",
                due.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC), sooner);
        String member = token("volgorde-1", "gemeente", "kcc");
        String other = token("volgorde-2", "gemeente", "kcc");
        for (String id : List.of(sameB, second, sooner, sameA, first)) {
            as(member).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        }
        as(other).post("/api/v1/items/" + others + "/claim").then().statusCode(200);
        List<String> sameDueAndReceipt = Stream.of(sameA, sameB).sorted().toList();

        assertThat(as(member).get("/api/v1/teams/kcc/items?mine=true&size=100").then().statusCode(200)
                .body("total", equalTo(5)).extract().jsonPath().getList("items.contactId", String.class))
                .containsExactly(sooner, first, second, sameDueAndReceipt.get(0), sameDueAndReceipt.get(1));
        assertThat(as(member).get("/api/v1/teams/kcc/items?mine=true&assignee=volgorde-1&size=2&page=1").then()
                .statusCode(200).extract().jsonPath().getList("items.contactId", String.class))
                .containsExactly(second, sameDueAndReceipt.get(0));
        assertThat(as(member).get("/api/v1/teams/kcc/items?assignee=volgorde-2&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.assignee", String.class)).containsExactly("volgorde-2");
        as(member).get("/api/v1/teams/kcc/items?mine=true&status=OPEN").then().statusCode(200)
                .body("total", equalTo(0));
        List<String> everyone = as(member).get("/api/v1/teams/kcc/items?mine=false&status=CLAIMED&size=100").then()
                .statusCode(200).extract().jsonPath().getList("items.contactId", String.class);
        assertThat(everyone).contains(sooner, others);
        // the order also holds without a filter: sooner before the items due later
        assertThat(everyone.indexOf(sooner)).isLessThan(everyone.indexOf(first));
        assertThat(everyone.indexOf(first)).isLessThan(everyone.indexOf(second));
        as(member).get("/api/v1/teams/kcc/items?mine=true&assignee=volgorde-2").then().statusCode(400)
                .body("errors.field", hasItem("assignee"));
    }

    @Test
    void routingConfidenceAndKnowledgeArticleAreStoredShownAndFollowATransfer() {
        String id = newContactId();
        sendAndAwait(withArticle(assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null, null),
                "vac-afvalcontainer-kapot", 0.87));
        Map<String, Object> row = StoredRows.workItem(db, id);
        assertThat(row.get("article_id")).isEqualTo("vac-afvalcontainer-kapot");
        assertThat(row.get("routing_confidence")).isEqualTo(0.87);
        as(kcc).get("/api/v1/items/" + id).then().statusCode(200)
                .body("articleId", equalTo("vac-afvalcontainer-kapot")).body("confidence", equalTo(0.87f));
        as(kcc).get("/api/v1/teams/kcc/items?size=100").then().statusCode(200)
                .body("items.find { it.contactId == '" + id + "' }.articleId", equalTo("vac-afvalcontainer-kapot"));

        // a transfer takes routing's new decision: another confidence, no article for the new team
        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "omgeving", "reason", "hoort bij omgeving"))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(202)
                .body("articleId", equalTo("vac-afvalcontainer-kapot"));
        sendAndAwait(withArticle(assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.PHONE, Instant.now(),
                new HandlingTerm(10, TermUnit.WORKING_DAYS), "kcc"), null, 0.55));
        String omgeving = token("m-art", "gemeente", "omgeving");
        as(omgeving).get("/api/v1/items/" + id).then().statusCode(200)
                .body("confidence", equalTo(0.55f)).body("$", not(hasKey("articleId")));

        // an item stored before routing reported them has neither
        StoredRows.update(db, "update work_item set routing_confidence = null, article_id = null where contact_id = ?",
                id);
        as(omgeving).get("/api/v1/items/" + id).then().statusCode(200)
                .body("$", not(hasKey("confidence"))).body("$", not(hasKey("articleId")));
    }

    @Test
    void claimReleaseAndClaimByAnotherMember() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200)
                .body("status", equalTo("CLAIMED")).body("assignee", equalTo("agent-1"));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200); // idempotent for the holder
        as(kcc2).post("/api/v1/items/" + id + "/claim").then().statusCode(409).contentType("application/problem+json");
        as(kcc2).post("/api/v1/items/" + id + "/release").then().statusCode(409);
        as(kcc2).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(409);
        as(kcc).post("/api/v1/items/" + id + "/release").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("assignee", nullValue());
        as(kcc2).post("/api/v1/items/" + id + "/claim").then().statusCode(200).body("assignee", equalTo("agent-2"));
    }

    @Test
    void firstLinePhoneContactResolvedOnTheSpotIsSettledDuringTheContact() throws Exception {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null, null));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "note", "uitgelegd"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("outcome", equalTo("ANSWERED"));
        JsonNode handled = data(lifecycle(id, ContactHandled.TYPE, 1).get(0).value());
        assertThat(handled.get("settledDuringContact").asBoolean()).isTrue();
        assertThat(handled.get("teamId").asText()).isEqualTo("kcc");
        assertThat(handled.get("tier").asText()).isEqualTo("FIRST_LINE");
        assertThat(handled.get("handledBy").asText()).isEqualTo("agent-1");
        assertThat(handled.get("organisation").asText()).isEqualTo("gemeente");
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(409);
    }

    @Test
    void emailContactResolvedIsNotSettledDuringTheContact() throws Exception {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, Instant.now(), null, null));
        // resolving an OPEN item claims it implicitly
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "INFORMED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200).body("assignee", equalTo("agent-1"));
        JsonNode handled = data(lifecycle(id, ContactHandled.TYPE, 1).get(0).value());
        assertThat(handled.get("settledDuringContact").asBoolean()).isFalse();
        assertThat(handled.get("outcome").asText()).isEqualTo("INFORMED");
    }

    @Test
    void transferRequestIsPublishedAndTheNextHopMovesTheItemToTheOtherTeam() throws Exception {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null, null));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "sociaal-domein", "reason", "Wmo-aanvraag"))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(202)
                .body("status", equalTo("TRANSFER_REQUESTED"));
        JsonNode transfer = data(lifecycle(id, ContactTransferRequested.TYPE, 1).get(0).value());
        assertThat(transfer.get("fromTeamId").asText()).isEqualTo("kcc");
        assertThat(transfer.get("toTeamId").asText()).isEqualTo("sociaal-domein");
        assertThat(transfer.get("hop").asInt()).isZero();
        assertThat(transfer.get("reason").asText()).isEqualTo("Wmo-aanvraag");
        assertThat(transfer.get("requestedBy").asText()).isEqualTo("agent-1");

        // routing-service re-publishes with hop + 1 on the other team's topic
        sendAndAwait(assigned(id, "sociaal-domein", Tier.CHAIN_TEAM, 1, Channel.PHONE, Instant.now(),
                new HandlingTerm(10, TermUnit.WORKING_DAYS), "kcc"));
        String sd = token("sd-1", "partner-zorg", "sociaal-domein");
        as(sd).get("/api/v1/items/" + id).then().statusCode(200)
                .body("teamId", equalTo("sociaal-domein")).body("hop", equalTo(1)).body("status", equalTo("OPEN"))
                .body("previousTeamId", equalTo("kcc"));
        as(kcc).get("/api/v1/items/" + id).then().statusCode(404); // no longer kcc's
        as(kcc).get("/api/v1/teams/kcc/items?status=OPEN,CLAIMED,TRANSFER_REQUESTED,RESOLVED&size=100")
                .then().statusCode(200).body("items.contactId", not(hasItem(id)));

        // a transferred phone contact is no longer settled on the spot
        as(sd).contentType(ContentType.JSON).body(Map.of("outcome", "REPORT_REGISTERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);
        JsonNode handled = data(lifecycle(id, ContactHandled.TYPE, 1).get(0).value());
        assertThat(handled.get("settledDuringContact").asBoolean()).isFalse();
        assertThat(handled.get("hop").asInt()).isEqualTo(1);
        assertThat(handled.get("organisation").asText()).isEqualTo("partner-zorg");

        List<String> actions = as(sd).get("/api/v1/items/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("action");
        assertThat(actions).containsSubsequence("ASSIGNED", "CLAIMED", "TRANSFER_REQUESTED", "ASSIGNED", "RESOLVED");
    }

    @Test
    void anAssignmentWithALowerHopDoesNotMoveTheItemBack() {
        String id = newContactId();
        sendAndAwait(assigned(id, "veiligheid", Tier.CHAIN_TEAM, 2, Channel.EMAIL, Instant.now(), null, "omgeving"));
        TestSupport.send(assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.EMAIL, Instant.now(), null, "kcc"));
        String v = token("v-1", "gemeente", "veiligheid");
        org.awaitility.Awaitility.await().atMost(TestSupport.WAIT).until(() -> as(v)
                .get("/api/v1/items/" + id + "/history").jsonPath().getList("action").contains("ASSIGNMENT_IGNORED"));
        as(v).get("/api/v1/items/" + id).then().statusCode(200).body("teamId", equalTo("veiligheid"))
                .body("hop", equalTo(2));
    }

    @Test
    void callbackRequestAndCompletionByTheTargetTeam() throws Exception {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null, null));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        Instant due = Instant.now().plus(Duration.ofDays(2));
        String callbackId = as(kcc).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", "burgerzaken", "targetMember", "bz-7", "dueAt", due.toString(),
                        "note", "Burger belt over paspoort"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("targetTeamId", equalTo("burgerzaken"))
                .extract().path("callbackId");
        JsonNode requested = data(lifecycle(id, CallbackRequested.TYPE, 1).get(0).value());
        assertThat(requested.get("callbackId").asText()).isEqualTo(callbackId);
        assertThat(requested.get("teamId").asText()).isEqualTo("kcc");
        assertThat(requested.get("targetMember").asText()).isEqualTo("bz-7");
        as(kcc).get("/api/v1/items/" + id).then().body("status", equalTo("CALLBACK_PENDING"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(409);

        String bz = token("bz-7", "gemeente", "burgerzaken");
        as(bz).get("/api/v1/teams/burgerzaken/callbacks").then().statusCode(200)
                .body("callbackId", hasItem(callbackId));
        as(bz).contentType(ContentType.JSON).body(Map.of("reached", true, "note", "teruggebeld"))
                .post("/api/v1/callbacks/" + callbackId + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("reached", equalTo(true));
        as(bz).contentType(ContentType.JSON).body(Map.of("reached", true))
                .post("/api/v1/callbacks/" + callbackId + "/complete").then().statusCode(409);
        JsonNode completed = data(lifecycle(id, CallbackCompleted.TYPE, 1).get(0).value());
        assertThat(completed.get("reached").asBoolean()).isTrue();
        assertThat(completed.get("completedBy").asText()).isEqualTo("bz-7");

        // back in the kcc queue; resolving now is no longer "during the contact"
        as(kcc).get("/api/v1/items/" + id).then().body("status", equalTo("OPEN"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);
        JsonNode handled = data(lifecycle(id, ContactHandled.TYPE, 1).get(0).value());
        assertThat(handled.get("settledDuringContact").asBoolean()).isFalse();
    }

    @Test
    void historyNamesWhoDidWhatAndWhen() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        as(kcc).post("/api/v1/items/" + id + "/release").then().statusCode(200);
        as(kcc2).contentType(ContentType.JSON).body(Map.of("outcome", "NO_CONTACT_POSSIBLE", "note", "geen gehoor"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);
        var history = as(kcc).get("/api/v1/items/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("ASSIGNED", "CLAIMED", "RELEASED", "RESOLVED");
        assertThat(history.getList("actor")).containsExactly("system:routing-service", "agent-1", "agent-1", "agent-2");
        assertThat(history.getList("seq", Integer.class)).containsExactly(1, 2, 3, 4);
        assertThat(history.getString("[3].note")).isEqualTo("geen gehoor");
        assertThat(history.getString("[3].outcome")).isEqualTo("NO_CONTACT_POSSIBLE");
        assertThat(history.getString("[3].at")).isNotBlank();
    }
}
