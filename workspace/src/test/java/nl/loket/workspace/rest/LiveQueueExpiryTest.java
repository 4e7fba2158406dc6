package nl.loket.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.Fixtures;
import nl.loket.workspace.WithFakeServices;

/**
 * The live stream ends before the token it was opened with expires. The test tokens live an hour, so the margin is
 * set to just under an hour: the stream may run for a few seconds only.
 */
@QuarkusTest
@WithFakeServices
@TestProfile(LiveQueueExpiryTest.NearlyExpiredTokens.class)
class LiveQueueExpiryTest {

    public static class NearlyExpiredTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("loket.workspace.live.expiry-margin", "PT59M56S");
        }
    }

    @TestHTTPResource("/api/teams/kcc/events")
    URI events;

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
        FakeServices.answer("GET", "/api/v1/teams/kcc/summary", 200, Fixtures.summary("kcc", 1, "v1"));
    }

    @Test
    void theStreamCompletesBeforeTheTokenExpires() {
        Instant opened = Instant.now();
        String token = TestTokens.agent("agent-a", "kcc"); // expires at opened + 1 h
        try (SseClient sse = new SseClient(events, token)) {
            await().atMost(Duration.ofSeconds(20)).untilTrue(sse.ended);
            Duration ran = Duration.between(opened, Instant.now());
            assertThat(sse.status.get()).isEqualTo(200);
            assertThat(sse.queueEvents()).hasSize(1);
            // the window was 1 h − 59 min 56 s = 4 s, less the time since the token was signed
            assertThat(ran).isLessThan(Duration.ofSeconds(15)).isGreaterThan(Duration.ofSeconds(2));
        }
    }
}
