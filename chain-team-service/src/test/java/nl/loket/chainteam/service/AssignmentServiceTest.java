package nl.loket.chainteam.service;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.chainteam.service.AssignmentService.Assignment;
import nl.loket.chainteam.service.AssignmentService.AssignmentResult;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * A batch of assignments applied in one transaction gives what applying them one by one gives. Called directly, so
 * the batch is exactly the one given (the listener's tests cannot choose how the broker's records are polled).
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class AssignmentServiceTest {

    @Inject
    AssignmentService assignments;

    @Test
    void assignmentTransferAndStaleRepublishOfOneContactInOneBatchAreAppliedInOrder() throws Throwable {
        String id = newContactId();
        ContactAssigned assignment = assigned(id, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE, Instant.now(), null,
                null);
        ContactAssigned transfer = assigned(id, "omgeving", Tier.CHAIN_TEAM, 1, Channel.PHONE, Instant.now(), null,
                "kcc");

        List<AssignmentResult> results = applyAll(List.of(new Assignment(newEventId(), assignment),
                new Assignment(newEventId(), transfer), new Assignment(newEventId(), assignment)));

        assertThat(results).containsExactly(AssignmentResult.CREATED, AssignmentResult.MOVED,
                AssignmentResult.IGNORED_STALE);
        String member = token("o", "gemeente", "omgeving");
        as(member).get("/api/v1/items/" + id).then().statusCode(200);
        List<Map<String, Object>> history = as(member).get("/api/v1/items/" + id + "/history").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).extracting(e -> e.get("seq")).containsExactly(1, 2, 3);
        assertThat(history).extracting(e -> e.get("action"))
                .containsExactly("ASSIGNED", "ASSIGNED", "ASSIGNMENT_IGNORED");
        assertThat(history).extracting(e -> e.get("teamId")).containsExactly("kcc", "omgeving", "omgeving");
        assertThat(history.get(2)).containsEntry("targetTeamId", "kcc")
                .containsEntry("reason", "hop 0 not above current hop 1");
    }

    @Test
    void anEventIdRepeatedInABatchOrProcessedBeforeIsADuplicate() throws Throwable {
        String once = newContactId();
        String other = newContactId();
        String eventId = newEventId();
        Assignment first = new Assignment(eventId, assigned(once, "omgeving"));

        assertThat(applyAll(List.of(first, first, new Assignment(newEventId(), assigned(other, "omgeving")))))
                .containsExactly(AssignmentResult.CREATED, AssignmentResult.DUPLICATE, AssignmentResult.CREATED);
        assertThat(applyAll(List.of(first))).containsExactly(AssignmentResult.DUPLICATE);

        List<String> actions = as(token("o", "gemeente", "omgeving")).get("/api/v1/items/" + once + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertThat(actions).containsExactly("ASSIGNED");
    }

    private List<AssignmentResult> applyAll(List<Assignment> batch) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> assignments.applyAll(batch));
    }

    private static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
