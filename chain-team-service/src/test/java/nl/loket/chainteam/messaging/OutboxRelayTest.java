package nl.loket.chainteam.messaging;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.chainteam.TestSupport;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.kit.outbox.OutboxRelay;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** A crash between commit and publish loses nothing and publishes once (the service kit's outbox and relay). */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resume() {
        relay.resume();
    }

    private record Row(String id, String type, boolean sent, String topic) {
    }

    private List<Row> outboxOf(String contactId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_id, event_type, sent_at is not null, topic from outbox_event "
                                + "where message_key = ? order by seq")) {
            s.setString(1, contactId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
            return rows;
        }
    }

    @Test
    void eventsCommittedWhileTheRelayIsDownArePublishedOnceItRuns() throws Exception {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));
        String kcc = token("agent-o", "gemeente", "kcc");

        relay.pause(); // the process "crashes" after the commit, before any publish
        as(kcc).post("/api/v1/items/" + id + "/claim").then().statusCode(200);
        as(kcc).contentType(ContentType.JSON).body(Map.of("targetMember", "bz-1"))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201);
        List<Row> committed = outboxOf(id);
        assertThat(committed).extracting(Row::type).containsExactly("nl.loket.callback.requested.v1");
        assertThat(committed).extracting(Row::topic).containsOnly("contacts.lifecycle");
        // several relay periods pass: nothing leaves the outbox
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> outboxOf(id).stream().noneMatch(Row::sent));
        assertThat(TestSupport.lifecycleOf(id)).isEmpty();

        relay.resume(); // the process is back
        await().atMost(TestSupport.WAIT).until(() -> outboxOf(id).stream().allMatch(Row::sent));
        // and it stays exactly one record per event id, in spite of further relay runs
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TestSupport.lifecycleOf(id).size() == 1);
        List<ReadRecord> published = TestSupport.lifecycleOf(id);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).header(CloudEventHeaders.ID)).isEqualTo(committed.get(0).id());
        published.forEach(TestSupport::assertValidLifecycleRecord);
    }

    @Test
    void rowsAreMarkedSentOnlyAfterTheBrokerAcknowledged() throws Exception {
        String id = newContactId();
        sendAndAwait(assigned(id, "omgeving"));
        String o = token("o-1", "gemeente", "omgeving");
        as(o).contentType(ContentType.JSON).body(Map.of("outcome", "INFORMED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);
        await().atMost(TestSupport.WAIT).until(() -> outboxOf(id).stream().allMatch(Row::sent));
        // marked sent ⇒ on the topic
        List<ReadRecord> published = TestSupport.lifecycleOf(id);
        assertThat(published).extracting(r -> r.header(CloudEventHeaders.ID))
                .containsExactlyElementsOf(outboxOf(id).stream().map(Row::id).toList());
    }
}
