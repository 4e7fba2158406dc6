package nl.loket.routing.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import nl.loket.routing.knowledge.KnowledgeView;

/** Ready once the knowledge view has read the knowledge topics up to their end at start-up. */
@Readiness
@ApplicationScoped
public class KnowledgeViewHealthCheck implements HealthCheck {

    private final KnowledgeView view;

    public KnowledgeViewHealthCheck(KnowledgeView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("knowledge-view").status(view.isCaughtUp());
        view.sizes().forEach(builder::withData);
        return builder.build();
    }
}
