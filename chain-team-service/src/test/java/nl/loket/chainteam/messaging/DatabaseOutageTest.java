package nl.loket.chainteam.messaging;

import static io.restassured.RestAssured.given;
import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.awaitItemIn;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.send;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.loket.contracts.Topics;
import nl.loket.testsupport.PostgresBehindProxyResource;
import nl.loket.testsupport.PostgresOutageProfile;
import nl.loket.testsupport.TopicClient;
import nl.loket.chainteam.Management;

/**
 * PostgreSQL goes away under the running team-topic consumer while contacts are handed to a team: none is
 * dead-lettered, and when the database is back every one is in the team's queue, assigned once.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindProxy.class)
class DatabaseOutageTest {

    /** Readiness, on the management interface. */
    private final String ready = Management.url("/q/health/ready");

    /** Its own application, PostgreSQL behind the proxy (see PostgresOutageProfile). */
    public static class BehindProxy extends PostgresOutageProfile {

        @Override
        protected String database() {
            return "chainteam_outage";
        }
    }

    @Test
    void assignmentsArrivingWhileTheDatabaseIsAwayAreQueuedOnceWhenItIsBack() throws Exception {
        sendAndAwait(assigned(newContactId(), "omgeving"));

        PostgresBehindProxyResource.proxy().cut();
        List<String> during = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String id = newContactId();
                send(assigned(id, "omgeving"));
                during.add(id);
            }
            // longer than the retries of a record failure would take: the outage is waited out, not dead-lettered
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> TopicClient.readAll(Topics.TEAM_CONTACTS_DLQ, Duration.ofSeconds(10)).stream()
                            .noneMatch(r -> during.contains(r.key())));
        } finally {
            PostgresBehindProxyResource.proxy().restore();
        }

        String member = token("o", "gemeente", "omgeving");
        for (String id : during) {
            awaitItemIn(id, "omgeving", 0);
            List<String> actions = as(member).get("/api/v1/items/" + id + "/history").then().statusCode(200)
                    .extract().jsonPath().getList("action");
            assertThat(actions).containsExactly("ASSIGNED");
        }
        assertThat(TopicClient.readAll(Topics.TEAM_CONTACTS_DLQ, Duration.ofSeconds(10)))
                .noneMatch(r -> during.contains(r.key()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(ready).then().statusCode(200));
    }
}
