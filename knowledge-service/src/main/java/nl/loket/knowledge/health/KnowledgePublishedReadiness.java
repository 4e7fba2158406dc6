package nl.loket.knowledge.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import nl.loket.kit.outbox.OutboxRelay;

/**
 * Ready once the outbox has been relayed empty after start: on a first start the seed (about 1,000 events) is then
 * on the knowledge topics, so routing-service started after this one decides with the whole taxonomy instead of
 * an empty view. Once up it stays up; ordinary writes do not make the service unready.
 */
@Readiness
@ApplicationScoped
public class KnowledgePublishedReadiness implements HealthCheck {

    private final OutboxRelay relay;

    public KnowledgePublishedReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("knowledge-published").status(relay.hasCaughtUp()).build();
    }
}
