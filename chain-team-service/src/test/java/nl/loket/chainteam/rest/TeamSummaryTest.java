package nl.loket.chainteam.rest;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.processingLog;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.loket.chainteam.StoredRows;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * {@code GET /api/v1/teams/{teamId}/summary}: the figures of a team's queue on a scripted set, and a version that
 * changes with every change to the team's items and call-backs and with nothing else. Each test has a team of its
 * own (a new team topic with its ACL lines, as deploy/ adds one), so no other test's items count.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class TeamSummaryTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    AgroalDataSource db;

    @Test
    void summaryCountsOpenUnassignedOverdueDueTodayAndCallbacksOfTheTeamOnly() {
        String team = newTeam("overzicht-telling");
        String member = token("telling-1", "gemeente", team);
        Instant now = Instant.now();
        HandlingTerm later = new HandlingTerm(20, TermUnit.WORKING_DAYS);

        // overdue, OPEN
        String overdue = item(team, now.minus(Duration.ofDays(40)), new HandlingTerm(5, TermUnit.WORKING_DAYS));
        // due later today (Europe/Amsterdam), CLAIMED
        String dueToday = item(team, now, later);
        Instant endOfDay = now.atZone(AMSTERDAM).toLocalDate().plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
        StoredRows.update(db, "update work_item set due_at = ? where contact_id = ?",
                now.plus(Duration.between(now, endOfDay).dividedBy(2)).atOffset(ZoneOffset.UTC), dueToday);
        as(member).post("/api/v1/items/" + dueToday + "/claim").then().statusCode(200);
        // due later, OPEN
        item(team, now, later);
        // due later, CALLBACK_PENDING: a call-back the team asked of burgerzaken, due in two days
        String waiting = item(team, now, later);
        as(member).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", "burgerzaken", "dueAt", now.plus(Duration.ofDays(2)).toString()))
                .post("/api/v1/items/" + waiting + "/callbacks").then().statusCode(201);
        // settled: not counted
        String resolved = item(team, now, later);
        as(member).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + resolved + "/resolve").then().statusCode(200);
        // handed to routing for a transfer: no longer the team's work
        String leaving = item(team, now, later);
        as(member).contentType(ContentType.JSON).body(Map.of("toTeamId", "omgeving", "reason", "hoort bij omgeving"))
                .post("/api/v1/items/" + leaving + "/transfer").then().statusCode(202);
        // a call-back the KCC asked of this team, due by now
        String kccItem = newContactId();
        sendAndAwait(assigned(kccItem, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, now, null, null));
        String askedOfTeam = as(token("kcc-telling", "gemeente", "kcc")).contentType(ContentType.JSON)
                .body(Map.of("targetTeamId", team, "note", "Bel terug over de aanvraag"))
                .post("/api/v1/items/" + kccItem + "/callbacks").then().statusCode(201).extract().path("callbackId");
        StoredRows.update(db, "update callback set due_at = ? where callback_id = ?",
                now.minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC), askedOfTeam);

        String lead = token("teamleider-telling", "gemeente", team);
        JsonPath summary = as(lead).get("/api/v1/teams/" + team + "/summary").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();

        assertThat(summary.getString("teamId")).isEqualTo(team);
        assertThat(summary.getLong("open")).as("open").isEqualTo(4);
        assertThat(summary.getLong("unassigned")).as("unassigned").isEqualTo(2);
        assertThat(summary.getLong("overdue")).as("overdue").isEqualTo(1);
        assertThat(summary.getLong("dueToday")).as("due today").isEqualTo(1);
        assertThat(summary.getLong("callbacksOpen")).as("call-backs open").isEqualTo(2);
        assertThat(summary.getLong("callbacksDue")).as("call-backs due").isEqualTo(1);
        assertThat(summary.getString("version")).isNotBlank();
        // the figures agree with the queue the agents see
        as(lead).get("/api/v1/teams/" + team + "/items?size=100").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(4));
        as(lead).get("/api/v1/teams/" + team + "/items?overdue=true").then()
                .body("items.contactId", org.hamcrest.Matchers.contains(overdue));
        as(lead).get("/api/v1/teams/" + team + "/callbacks").then()
                .body("size()", org.hamcrest.Matchers.equalTo(2));
        // figures only: nothing of a contact was shown, so nothing is in the processing log
        assertThat(processingLog("actor=teamleider-telling")).as("entries of the queue pages only")
                .isNotEmpty().allSatisfy(e -> assertThat(String.valueOf(e.get("endpoint"))).doesNotContain("summary"));
    }

    @Test
    void versionChangesWithEveryChangeToTheTeamsItemsAndCallbacksAndOnlyThen() {
        String team = newTeam("overzicht-versie");
        String member = token("versie-1", "gemeente", team);
        List<String> versions = new ArrayList<>();
        versions.add(version(team, 0));
        assertThat(version(team, 0)).as("nothing changed").isEqualTo(versions.get(0));

        String id = item(team, Instant.now(), new HandlingTerm(5, TermUnit.WORKING_DAYS));
        versions.add(changed(team, 1, versions, "a new item"));
        assertThat(version(team, 1)).as("nothing changed").isEqualTo(versions.get(1));

        as(member).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        versions.add(changed(team, 1, versions, "claim"));
        as(member).post("/api/v1/items/" + id + "/release").then().statusCode(200);
        versions.add(changed(team, 1, versions, "release (the same figures as before the claim)"));

        String callbackId = as(member).contentType(ContentType.JSON).body(Map.of("targetTeamId", "burgerzaken"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201).extract().path("callbackId");
        versions.add(changed(team, 1, versions, "call-back requested"));
        as(member).contentType(ContentType.JSON).body(Map.of("reached", true))
                .post("/api/v1/callbacks/" + callbackId + "/complete").then().statusCode(200);
        versions.add(changed(team, 1, versions, "call-back completed"));

        as(member).contentType(ContentType.JSON).body(Map.of("toTeamId", "ruimtelijke-ontwikkeling", "reason", "bouwplan"))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(202);
        versions.add(changed(team, 0, versions, "transfer requested"));
        // routing-service re-publishes it with hop + 1 for the other team: it leaves this team
        sendAndAwait(assigned(id, "ruimtelijke-ontwikkeling", Tier.BACK_OFFICE, 1, Channel.WEB_FORM, Instant.now(),
                new HandlingTerm(8, TermUnit.WORKING_DAYS), team));
        versions.add(changed(team, 0, versions, "transferred out"));

        // an item of another team changes nothing here, until it is transferred in
        String fromKcc = newContactId();
        sendAndAwait(assigned(fromKcc, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, Instant.now(), null, null));
        assertThat(version(team, 0)).as("another team's item").isEqualTo(versions.get(versions.size() - 1));
        sendAndAwait(assigned(fromKcc, team, Tier.CHAIN_TEAM, 1, Channel.EMAIL, Instant.now(),
                new HandlingTerm(5, TermUnit.WORKING_DAYS), "kcc"));
        versions.add(changed(team, 1, versions, "transferred in"));

        as(member).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + fromKcc + "/resolve").then().statusCode(200);
        versions.add(changed(team, 0, versions, "resolved"));
        assertThat(versions).as("every version is new").doesNotHaveDuplicates();
    }

    /** A new team topic, as deploy/ adds one with its ACL lines; the consumer picks it up by its pattern. */
    private static String newTeam(String team) {
        TopicClient.createTopics(List.of(Topics.teamContacts(team)), 1);
        KafkaTestResource.grant("chain-team-service", Topics.teamContacts(team), AclOperation.DESCRIBE,
                AclOperation.READ);
        return team;
    }

    private static String item(String team, Instant receivedAt, HandlingTerm term) {
        String id = newContactId();
        sendAndAwait(assigned(id, team, Tier.CHAIN_TEAM, 0, Channel.WEB_FORM, receivedAt, term, null));
        return id;
    }

    /** The team's version, checking the open count on the way. */
    private static String version(String team, int open) {
        JsonPath summary = as(token("versie-lezer", "gemeente", team)).get("/api/v1/teams/" + team + "/summary")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getInt("open")).as("open").isEqualTo(open);
        return summary.getString("version");
    }

    /** The version now, which must differ from the one before. */
    private static String changed(String team, int open, List<String> versions, String change) {
        String now = version(team, open);
        assertThat(now).as(change).isNotEqualTo(versions.get(versions.size() - 1));
        return now;
    }
}
