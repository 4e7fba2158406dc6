package nl.loket.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.Fixtures;
import nl.loket.workspace.WithFakeServices;

/** The live queue: an event at once, then one per change of the team's queue; the stream stops with its reader. */
@QuarkusTest
@WithFakeServices
class LiveQueueTest {

    static final String SUMMARY = "/api/v1/teams/kcc/summary";

    @TestHTTPResource("/api/teams/kcc/events")
    URI events;

    @TestHTTPResource("/api/teams/belastingen/events")
    URI otherTeamsEvents;

    String agent = TestTokens.agent("agent-a", "kcc");

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
        FakeServices.answer("GET", SUMMARY, 200, Fixtures.summary("kcc", 3, "v1"));
    }

    @Test
    void anEventComesAtOnceAndThenOnlyWhenTheVersionChanges() {
        try (SseClient sse = new SseClient(events, agent)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.queueEvents().size() == 1);
            assertThat(sse.status.get()).isEqualTo(200);
            assertThat(sse.queueEvents().get(0)).contains("\"teamId\":\"kcc\"", "\"open\":3", "\"version\":\"v1\"");

            // several polls with the same version: no new event
            int polled = FakeServices.received("GET", SUMMARY).size();
            await().atMost(Duration.ofSeconds(10)).until(() -> FakeServices.received("GET", SUMMARY).size() >= polled + 3);
            assertThat(sse.queueEvents()).hasSize(1);

            FakeServices.answer("GET", SUMMARY, 200, Fixtures.summary("kcc", 4, "v2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.queueEvents().size() == 2);
            assertThat(sse.queueEvents().get(1)).contains("\"open\":4", "\"version\":\"v2\"");

            assertThat(FakeServices.received("GET", SUMMARY))
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + agent));
        }
    }

    @Test
    void aClosedStreamStopsPolling() {
        SseClient sse = new SseClient(events, agent);
        await().atMost(Duration.ofSeconds(10)).until(() -> sse.queueEvents().size() == 1);
        sse.close();

        AtomicInteger last = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(700)).until(() -> {
            int now = FakeServices.received("GET", SUMMARY).size();
            return now == last.getAndSet(now);
        });
        int stopped = last.get();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> FakeServices.received("GET", SUMMARY).size() == stopped);
    }

    @Test
    void anotherTeamsLiveQueueIs403() {
        try (SseClient sse = new SseClient(otherTeamsEvents, agent)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.status.get() != 0);
            assertThat(sse.status.get()).isEqualTo(403);
        }
        assertThat(FakeServices.received("GET", "/api/v1/teams/belastingen/summary")).isEmpty();
    }
}
