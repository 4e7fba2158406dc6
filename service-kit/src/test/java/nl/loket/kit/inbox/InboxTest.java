package nl.loket.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "kit")
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    InboxRetention retention;

    @Test
    void anEventIdIsProcessedOnceAndARolledBackMarkLeavesNoTrace() throws Throwable {
        String id = UUID.randomUUID().toString();

        assertThat(mark(id)).isTrue();
        assertThat(mark(id)).isFalse();

        String rolledBack = UUID.randomUUID().toString();
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.markProcessed(rolledBack)
                    .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("rollback")))));
        } catch (IllegalStateException expected) {
            // the state change failed: the mark goes with it
        }
        assertThat(mark(rolledBack)).isTrue();
    }

    @Test
    void aBatchIsMarkedInOneStatementAndOnlyItsNewIdsComeBack() throws Throwable {
        String before = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertThat(mark(before)).isTrue();

        java.util.Set<String> marked = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> inbox.markProcessed(java.util.List.of(a, before, b, a))));

        assertThat(marked).containsExactlyInAnyOrder(a, b);
        assertThat(mark(a)).isFalse();
        assertThat(mark(b)).isFalse();
        assertThat(VertxContextSupport.<java.util.Set<String>>subscribeAndAwait(() -> Panache.withTransaction(
                () -> inbox.markProcessed(java.util.List.<String>of())))).isEmpty();
    }

    @Test
    void idsOlderThanTheRetentionArePurgedAndYoungerOnesKept() throws Throwable {
        String old = "old-" + UUID.randomUUID();
        String young = "young-" + UUID.randomUUID();
        insert(old, Instant.now().minus(Duration.ofDays(40)));
        insert(young, Instant.now().minus(Duration.ofDays(20)));

        long purged = VertxContextSupport.subscribeAndAwait(() -> retention.purge());

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(mark(old)).isTrue(); // gone, so new again
        assertThat(mark(young)).isFalse();
    }

    private boolean mark(String id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.markProcessed(id)));
    }

    private static void insert(String id, Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("insert into processed_event (event_id, processed_at) values (?1, ?2)")
                .setParameter(1, id)
                .setParameter(2, at.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate())));
    }
}
