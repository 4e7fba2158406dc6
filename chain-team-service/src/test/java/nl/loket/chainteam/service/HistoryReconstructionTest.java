package nl.loket.chainteam.service;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.chainteam.TestSupport;
import nl.loket.chainteam.domain.HistoryAction;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.HistoryReplay;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** The state of a contact can always be rebuilt from its history alone. */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class HistoryReconstructionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void stateIsRebuiltFromHistoryAfterEveryKindOfAction() throws Exception {
        String kccToken = token("k-1", "gemeente", "kcc");
        String omg = token("o-1", "gemeente", "omgeving");

        String transferred = newContactId();
        sendAndAwait(assigned(transferred, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null, null));
        as(kccToken).post("/api/v1/items/" + transferred + "/claim").then().statusCode(200);
        as(kccToken).contentType(ContentType.JSON).body(Map.of("targetTeamId", "omgeving"))
                .post("/api/v1/items/" + transferred + "/callbacks").then().statusCode(201);
        String cb = as(kccToken).get("/api/v1/items/" + transferred + "/callbacks").jsonPath().getString("[0].callbackId");
        as(omg).contentType(ContentType.JSON).body(Map.of("reached", false))
                .post("/api/v1/callbacks/" + cb + "/complete").then().statusCode(200);
        as(kccToken).contentType(ContentType.JSON).body(Map.of("toTeamId", "omgeving", "reason", "vergunning"))
                .post("/api/v1/items/" + transferred + "/transfer").then().statusCode(202);
        sendAndAwait(assigned(transferred, "omgeving", Tier.CHAIN_TEAM, 1, Channel.PHONE, Instant.now(),
                new HandlingTerm(8, TermUnit.WORKING_DAYS), "kcc"));
        TestSupport.send(assigned(transferred, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null, null));
        as(omg).post("/api/v1/items/" + transferred + "/claim").then().statusCode(200);

        String resolved = newContactId();
        sendAndAwait(assigned(resolved, "kcc"));
        as(kccToken).post("/api/v1/items/" + resolved + "/claim").then().statusCode(200);
        as(kccToken).post("/api/v1/items/" + resolved + "/release").then().statusCode(200);
        as(kccToken).contentType(ContentType.JSON).body(Map.of("outcome", "REFERRED_EXTERNAL"))
                .post("/api/v1/items/" + resolved + "/resolve").then().statusCode(200);

        String breached = newContactId();
        sendAndAwait(assigned(breached, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, Instant.now().minus(Duration.ofDays(30)),
                null, null));
        await().atMost(TestSupport.WAIT).until(() -> history(breached).stream()
                .anyMatch(e -> e.action == HistoryAction.DEADLINE_BREACHED));
        await().atMost(TestSupport.WAIT).until(() -> history(transferred).stream()
                .anyMatch(e -> e.action == HistoryAction.ASSIGNMENT_IGNORED));

        for (String id : List.of(transferred, resolved, breached)) {
            assertThat(HistoryReplay.replay(history(id))).as(id).isEqualTo(stored(id));
        }
        assertThat(HistoryReplay.replay(history(transferred)).status()).isEqualTo(WorkItemStatus.CLAIMED);
        assertThat(HistoryReplay.replay(history(resolved)).outcome()).isEqualTo(Outcome.REFERRED_EXTERNAL);
        assertThat(HistoryReplay.replay(history(breached)).breachedNotified()).isTrue();
    }

    private List<HistoryEntry> history(String contactId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select seq, action, actor, team_id, tier, hop, due_at, outcome from work_item_event "
                        + "where contact_id = ? order by seq")) {
            s.setString(1, contactId);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    HistoryEntry e = new HistoryEntry();
                    e.seq = rs.getInt(1);
                    e.action = HistoryAction.valueOf(rs.getString(2));
                    e.actor = rs.getString(3);
                    e.teamId = rs.getString(4);
                    e.tier = rs.getString(5) == null ? null : Tier.valueOf(rs.getString(5));
                    e.hop = rs.getInt(6);
                    Timestamp due = rs.getTimestamp(7);
                    e.dueAt = due == null ? null : due.toInstant();
                    e.outcome = rs.getString(8) == null ? null : Outcome.valueOf(rs.getString(8));
                    entries.add(e);
                }
            }
            return entries;
        }
    }

    private HistoryReplay.State stored(String contactId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select team_id, tier, hop, status, assignee, due_at, outcome, approaching_notified, breached_notified, "
                        + "callback_requested from work_item where contact_id = ?")) {
            s.setString(1, contactId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new HistoryReplay.State(rs.getString(1), Tier.valueOf(rs.getString(2)), rs.getInt(3),
                        WorkItemStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7) == null ? null : Outcome.valueOf(rs.getString(7)), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getBoolean(10));
            }
        }
    }
}
