package nl.loket.chainteam.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.repository.OutboxRepository;

/** Reports how many events wait in the outbox (readiness stays up: the relay catches up on its own). */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements AsyncHealthCheck {

    private final OutboxRepository outbox;

    public OutboxBacklogCheck(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<HealthCheckResponse> call() {
        return outbox.countUnsent()
                .map(n -> HealthCheckResponse.named("outbox").up().withData("unsent", n).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("outbox").down()
                        .withData("error", e.getMessage()).build());
    }
}
