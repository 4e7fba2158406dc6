package nl.loket.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.http.RunsToEnd;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "kit")
class RunsToEndTest {

    /** Stands for a resource: its Uni is the work of a request. */
    @ApplicationScoped
    @RunsToEnd
    static class Endpoint {
        private final AtomicBoolean workCancelled = new AtomicBoolean();

        boolean workCancelled() {
            return workCancelled.get(); // through the client proxy: a field read would be the proxy's own
        }

        Uni<String> handle() {
            return Uni.createFrom().<String>emitter(pending -> { }).onCancellation().invoke(() -> workCancelled.set(true));
        }
    }

    @Inject
    Endpoint endpoint;

    @Test
    void aClientThatGoesAwayDoesNotCancelTheWorkOfAnAnnotatedEndpoint() {
        endpoint.handle().subscribe().with(item -> { }).cancel(); // the connection closed

        assertThat(endpoint.workCancelled()).isFalse();
    }
}
