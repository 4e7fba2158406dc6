package nl.loket.metrics.messaging;

import static io.restassured.RestAssured.given;
import static nl.loket.metrics.Viewers.viewerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.loket.contracts.Topics;
import nl.loket.metrics.ScriptedDay;
import nl.loket.testsupport.PostgresBehindProxyResource;
import nl.loket.testsupport.PostgresOutageProfile;
import nl.loket.testsupport.TopicClient;
import nl.loket.metrics.Management;

/**
 * PostgreSQL goes away under the running consumers while a whole scripted day of events arrives, for longer than
 * SmallRye's throttled-commit limit (60 s by default, off in the service kit): the service stays alive (liveness UP,
 * readiness DOWN, so no restart loop), nothing is dead-lettered, and when the database is back the day's KPIs are
 * exactly those of the day without an outage.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindProxy.class)
class DatabaseOutageTest {

    /** Its own application, PostgreSQL behind the proxy (see PostgresOutageProfile). */
    public static class BehindProxy extends PostgresOutageProfile {

        @Override
        protected String database() {
            return "metrics_outage";
        }
    }

    /** Readiness and liveness, on the management interface. */
    private final String ready = Management.url("/q/health/ready");

    private final String live = Management.url("/q/health/live");

    private static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.deadLetter(Topics.CONTACTS_ROUTED),
            Topics.deadLetter(Topics.CONTACTS_LIFECYCLE));

    /** Longer than SmallRye's default limit of a record waiting for its acknowledgement (60 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(75);

    @Test
    void eventsArrivingWhileTheDatabaseIsAwayAreCountedOnceWhenItIsBack() throws Exception {
        List<ScriptedDay.Sent> day = ScriptedDay.events("GM0007", "outage");
        Set<String> keys = day.stream().map(ScriptedDay.Sent::key).collect(Collectors.toSet());

        PostgresBehindProxyResource.proxy().cut();
        try {
            day.forEach(ScriptedDay.Sent::send);
            await().during(OUTAGE).atMost(OUTAGE.plusSeconds(45)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> noneDeadLettered(keys) && alive());
            given().get(ready).then().statusCode(503);
        } finally {
            PostgresBehindProxyResource.proxy().restore();
        }

        // the figures of the day computed by hand (ScriptedDay.Expected), as without an outage
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            var summary = viewerOf("GM0007").queryParam("municipality", "GM0007").queryParam("from", ScriptedDay.DAY)
                    .queryParam("to", ScriptedDay.DAY).get("/api/v1/metrics/summary").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(summary.getLong("received")).isEqualTo(ScriptedDay.Expected.RECEIVED);
            assertThat(summary.getLong("settled")).isEqualTo(ScriptedDay.Expected.SETTLED);
            assertThat(summary.getLong("firstContacts")).isEqualTo(ScriptedDay.Expected.FIRST_CONTACTS);
            assertThat(summary.getLong("directHandling.directlyHandled")).isEqualTo(ScriptedDay.Expected.DIRECTLY_HANDLED);
            assertThat(summary.getLong("transfers.count")).isEqualTo(ScriptedDay.Expected.TRANSFERRED);
            assertThat(summary.getLong("callbacks.requested")).isEqualTo(ScriptedDay.Expected.CALLBACKS);
        });
        assertThat(noneDeadLettered(keys)).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(ready).then().statusCode(200));
    }

    private boolean alive() {
        return given().get(live).then().extract().statusCode() == 200;
    }

    private static boolean noneDeadLettered(Set<String> keys) {
        return DEAD_LETTER_TOPICS.stream().flatMap(t -> TopicClient.readAll(t, Duration.ofSeconds(10)).stream())
                .noneMatch(r -> keys.contains(r.key()));
    }
}
