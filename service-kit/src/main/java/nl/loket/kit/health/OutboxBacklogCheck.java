package nl.loket.kit.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.outbox.OutboxRelay;

/** Reports how many events wait in the outbox; readiness stays up while the database answers (the relay catches up). */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.outbox.enabled", stringValue = "true")
public class OutboxBacklogCheck implements AsyncHealthCheck {

    private final OutboxRelay relay;

    public OutboxBacklogCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return relay.countUnsent()
                .map(n -> HealthCheckResponse.named("outbox").up().withData("unsent", n).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("outbox").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
