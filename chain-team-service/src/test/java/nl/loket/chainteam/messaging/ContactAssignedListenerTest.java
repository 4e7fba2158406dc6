package nl.loket.chainteam.messaging;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.awaitItemIn;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.record;
import static nl.loket.chainteam.TestSupport.send;
import static nl.loket.chainteam.TestSupport.sendTogether;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.chainteam.TestSupport;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.Tier;
import nl.loket.kit.messaging.DeadLetterHeaders;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class ContactAssignedListenerTest {

    @Test
    void redeliveredAssignmentIsAppliedOnce() {
        String id = newContactId();
        ContactAssigned first = assigned(id, "omgeving", Tier.CHAIN_TEAM, 0, Channel.EMAIL, Instant.now(), null, null);
        String eventId = send(first);
        send(first, eventId);
        send(first, eventId);
        // a later hop for the same contact (same key, same partition) proves the duplicates were consumed
        send(assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.EMAIL, Instant.now(), null, "omgeving"));
        awaitItemIn(id, "omgeving", 1);
        List<String> actions = as(token("o", "gemeente", "omgeving")).get("/api/v1/items/" + id + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertThat(actions).containsExactly("ASSIGNED", "ASSIGNED");
    }

    @Test
    void aNewTeamTopicIsPickedUpWithoutRedeploy() {
        // a new team topic comes with its ACL lines (deploy/README.md); the broker enforces deploy's ACLs
        TopicClient.createTopics(List.of(Topics.teamContacts("wijkteam-noord")), 1);
        KafkaTestResource.grant("chain-team-service", Topics.teamContacts("wijkteam-noord"), AclOperation.DESCRIBE,
                AclOperation.READ);
        String id = newContactId();
        TestSupport.sendAndAwait(assigned(id, "wijkteam-noord", Tier.CHAIN_TEAM, 0, Channel.WEB_FORM, Instant.now(),
                null, null));
        as(token("w", "partner-welzijn", "wijkteam-noord")).get("/api/v1/teams/wijkteam-noord/items").then()
                .statusCode(200);
    }

    @Test
    void recordsThatBreakTheContractGoToTheDeadLetterTopicWithTheReason() {
        String notJson = newContactId();
        TopicClient.send(Topics.teamContacts("kcc"), notJson, "{this is not json",
                TopicClient.cloudEventHeaders(ContactAssigned.TYPE, notJson));

        String noText = newContactId();
        String invalid = "{\"contactId\":\"" + noText + "\",\"teamId\":\"kcc\",\"tier\":\"FIRST_LINE\",\"hop\":0,"
                + "\"municipality\":\"0363\",\"channel\":\"PHONE\",\"receivedAt\":\"2026-11-24T10:00:00Z\","
                + "\"reason\":\"r\",\"confidence\":0.5,\"routedAt\":\"2026-11-24T10:00:01Z\"}";
        TopicClient.send(Topics.teamContacts("kcc"), noText, invalid, TopicClient.cloudEventHeaders(ContactAssigned.TYPE, noText));

        String wrongTopic = newContactId();
        Map<String, String> headers = new HashMap<>(TopicClient.cloudEventHeaders(ContactAssigned.TYPE, wrongTopic));
        TopicClient.send(Topics.teamContacts("kcc"), wrongTopic,
                invalid.replace(noText, wrongTopic).replace("\"reason\"", "\"text\":\"t\",\"reason\"")
                        .replace("\"teamId\":\"kcc\"", "\"teamId\":\"omgeving\""), headers);

        String noId = newContactId();
        Map<String, String> withoutId = new HashMap<>(TopicClient.cloudEventHeaders(ContactAssigned.TYPE, noId));
        withoutId.remove(CloudEventHeaders.ID);
        TopicClient.send(Topics.teamContacts("kcc"), noId, invalid.replace(noText, noId), withoutId);

        Map<String, String> reasons = new HashMap<>();
        TopicClient.await(Topics.TEAM_CONTACTS_DLQ, r -> {
            if (List.of(notJson, noText, wrongTopic, noId).contains(r.key())) {
                reasons.put(r.key(), r.header(DeadLetterHeaders.REASON));
                return true;
            }
            return false;
        }, 4, TestSupport.WAIT);
        assertThat(reasons.get(notJson)).contains("schema violations");
        assertThat(reasons.get(noText)).contains("schema violations").contains("text");
        assertThat(reasons.get(wrongTopic)).contains("does not belong on team.kcc.contacts");
        assertThat(reasons.get(noId)).contains("missing header ce_id");
        // the consumer keeps going
        String after = newContactId();
        TestSupport.sendAndAwait(assigned(after, "kcc"));
    }

    @Test
    void aBrokenRecordInABatchIsDeadLetteredWithItsReasonAndItsNeighboursAreApplied() {
        String before = newContactId();
        String broken = newContactId();
        String after = newContactId();
        sendTogether(List.of(
                record(assigned(before, "kcc"), UUID.randomUUID().toString()),
                record(Topics.teamContacts("kcc"), broken, "{this is not json",
                        TopicClient.cloudEventHeaders(ContactAssigned.TYPE, broken)),
                record(assigned(after, "kcc"), UUID.randomUUID().toString())));

        awaitItemIn(before, "kcc", 0);
        awaitItemIn(after, "kcc", 0);
        List<ReadRecord> deadLetters = TopicClient.await(Topics.TEAM_CONTACTS_DLQ, r -> broken.equals(r.key()), 1,
                TestSupport.WAIT);
        assertThat(deadLetters.get(0).header(DeadLetterHeaders.REASON)).contains("schema violations");
        assertThat(TopicClient.readAll(Topics.TEAM_CONTACTS_DLQ, Duration.ofSeconds(10)))
                .noneMatch(r -> before.equals(r.key()) || after.equals(r.key()));
        as(token("k", "gemeente", "kcc")).get("/api/v1/items/" + broken).then().statusCode(404);
    }

    @Test
    void anEventIdTwiceInOneBatchIsAppliedOnce() {
        String id = newContactId();
        ContactAssigned first = assigned(id, "omgeving", Tier.CHAIN_TEAM, 0, Channel.EMAIL, Instant.now(), null, null);
        String eventId = UUID.randomUUID().toString();
        sendTogether(List.of(record(first, eventId), record(first, eventId)));
        // and redelivered in a later batch
        send(first, eventId);
        // a later hop for the same contact (same key, same partition) proves the duplicates were consumed
        send(assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.EMAIL, Instant.now(), null, "omgeving"));
        awaitItemIn(id, "omgeving", 1);
        List<String> actions = as(token("o", "gemeente", "omgeving")).get("/api/v1/items/" + id + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertThat(actions).containsExactly("ASSIGNED", "ASSIGNED");
    }

    @Test
    void anAssignmentAndItsTransferInOneBatchEndAsTheTransfer() {
        String id = newContactId();
        ContactAssigned assignment = assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null,
                null);
        ContactAssigned transfer = assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.PHONE, Instant.now(), null,
                "kcc");
        sendTogether(List.of(record(assignment, UUID.randomUUID().toString()),
                record(transfer, UUID.randomUUID().toString())));

        awaitItemIn(id, "omgeving", 1);
        String member = token("o", "gemeente", "omgeving");
        as(member).get("/api/v1/items/" + id).then().statusCode(200)
                .body("teamId", equalTo("omgeving")).body("hop", equalTo(1)).body("status", equalTo("OPEN"))
                .body("previousTeamId", equalTo("kcc"));
        // both were recorded, numbered in order (the two team topics may be read in either order: then the
        // assignment comes second and is ignored as stale); the last entry shows the transferred item
        List<Map<String, Object>> history = await().atMost(TestSupport.WAIT).until(
                () -> as(member).get("/api/v1/items/" + id + "/history").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("$"),
                entries -> entries.size() == 2);
        assertThat(history).extracting(e -> e.get("seq")).containsExactly(1, 2);
        assertThat(history.get(1)).containsEntry("teamId", "omgeving").containsEntry("hop", 1)
                .containsEntry("status", "OPEN");
    }
}
