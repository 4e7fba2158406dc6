package nl.loket.chainteam.rest;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** Bad input is 400 problem+json naming each field; never a 500. */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";
    private final String kcc = token("agent-x", "gemeente", "kcc");
    private String id;

    @BeforeEach
    void item() {
        id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
    }

    @Test
    void resolveWithoutOrWithAnUnknownOutcome() {
        as(kcc).contentType(ContentType.JSON).body(Map.of("note", "x")).post("/api/v1/items/" + id + "/resolve")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("outcome"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE")).post("/api/v1/items/" + id + "/resolve")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("outcome"));
        as(kcc).contentType(ContentType.JSON).body("{not json").post("/api/v1/items/" + id + "/resolve")
                .then().statusCode(400).contentType(PROBLEM);
        as(kcc).contentType(ContentType.JSON).post("/api/v1/items/" + id + "/resolve")
                .then().statusCode(400).contentType(PROBLEM);
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "note", "n".repeat(2001)))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(400).body("errors.field", hasItem("note"));
    }

    @Test
    void transferNeedsAReasonAndAValidTeam() {
        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "Geen Team!", "reason", " "))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("toTeamId", "reason"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "kcc", "reason", "eigen team"))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(400).body("errors.field", hasItem("toTeamId"));
        as(kcc).get("/api/v1/items/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void callbackNeedsATargetAndAFutureDueTime() {
        as(kcc).contentType(ContentType.JSON).body(Map.of("note", "bel terug"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("targetTeamId"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("targetMember", "x", "dueAt", "2001-01-01T00:00:00Z"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(400).body("errors.field", hasItem("dueAt"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("targetMember", "x", "dueAt", "tomorrow"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(400).body("errors.field", hasItem("dueAt"));
        as(kcc).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/v1/callbacks/nope/complete").then().statusCode(400).body("errors.field", hasItem("reached"));
    }

    @Test
    void queueFiltersAreValidated() {
        as(kcc).get("/api/v1/teams/kcc/items?status=DONE&overdue=soon&channel=FAX&mine=yes&page=-1&size=1000")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("status", "overdue", "channel", "mine", "page", "size"));
        as(kcc).get("/api/v1/teams/kcc/items?assignee=" + "x".repeat(201)).then().statusCode(400)
                .body("errors.field", hasItem("assignee"));
        as(kcc).get("/api/v1/teams/kcc/callbacks?status=DONE").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void unknownItemsAndCallbacksAre404() {
        as(kcc).get("/api/v1/items/does-not-exist").then().statusCode(404).contentType(PROBLEM);
        as(kcc).contentType(ContentType.JSON).body(Map.of("reached", true))
                .post("/api/v1/callbacks/does-not-exist/complete").then().statusCode(404).contentType(PROBLEM);
    }
}
