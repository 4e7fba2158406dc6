package nl.loket.routing.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import nl.loket.routing.config.RoutingConfig;
import nl.loket.routing.knowledge.KnowledgeView;

/**
 * Ready while the knowledge view has caught up with the knowledge topics (at start-up and again after every restart
 * of its reader) AND its reader polled them within {@code loket.routing.view.max-poll-age}: a reader that stopped
 * or hangs makes the service not ready.
 */
@Readiness
@ApplicationScoped
public class KnowledgeViewHealthCheck implements HealthCheck {

    private final KnowledgeView view;
    private final Duration maxPollAge;

    public KnowledgeViewHealthCheck(KnowledgeView view, RoutingConfig config) {
        this.view = view;
        this.maxPollAge = config.view().maxPollAge();
    }

    @Override
    public HealthCheckResponse call() {
        Instant lastPoll = view.lastPoll();
        Duration age = lastPoll == null ? null : Duration.between(lastPoll, Instant.now());
        boolean polledRecently = age != null && age.compareTo(maxPollAge) <= 0;
        boolean caughtUp = view.isCaughtUp();
        var builder = HealthCheckResponse.named("knowledge-view").status(caughtUp && polledRecently)
                .withData("caughtUp", caughtUp)
                .withData("lastPollAgeMs", age == null ? -1 : age.toMillis());
        view.sizes().forEach(builder::withData);
        return builder.build();
    }
}
