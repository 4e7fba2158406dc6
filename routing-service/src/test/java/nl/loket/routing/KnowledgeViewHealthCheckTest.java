package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import nl.loket.routing.config.RoutingConfig;
import nl.loket.routing.health.KnowledgeViewHealthCheck;
import nl.loket.routing.knowledge.KnowledgeView;

/** Readiness: a view that has caught up and was polled recently; nothing else. */
class KnowledgeViewHealthCheckTest {

    private static RoutingConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(RoutingConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(RoutingConfig.class);
    }

    private static HealthCheckResponse.Status status(KnowledgeView view, RoutingConfig config) {
        return new KnowledgeViewHealthCheck(view, config).call().getStatus();
    }

    @Test
    void upOnlyWhenCaughtUpAndPolledRecently() {
        RoutingConfig defaults = config(Map.of());
        assertThat(defaults.view().maxPollAge()).hasSeconds(30);
        KnowledgeView view = new KnowledgeView();
        assertThat(status(view, defaults)).isEqualTo(HealthCheckResponse.Status.DOWN);
        view.markPolled();
        assertThat(status(view, defaults)).as("polled, not caught up").isEqualTo(HealthCheckResponse.Status.DOWN);
        view.markCaughtUp();
        assertThat(status(view, defaults)).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(status(view, config(Map.of("loket.routing.view.max-poll-age", "PT0S"))))
                .as("last poll too long ago").isEqualTo(HealthCheckResponse.Status.DOWN);
        view.rebuild(); // the reader starts again
        assertThat(status(view, defaults)).as("reading again").isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(view.isCaughtUp()).isFalse();
    }

    @Test
    void aRebuildGoesLiveOnlyWhenCaughtUp() {
        KnowledgeView view = KnowledgeFixture.view();
        int teams = view.snapshot().teams().size();
        view.rebuild();
        view.putTeam("kcc", null);
        assertThat(view.snapshot().teams()).as("old content until caught up").hasSize(teams);
        view.markCaughtUp();
        assertThat(view.snapshot().teams()).isEmpty();
        assertThat(view.caughtUp()).isDone();
    }
}
