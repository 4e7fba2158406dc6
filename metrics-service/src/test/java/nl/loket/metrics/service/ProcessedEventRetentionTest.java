package nl.loket.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.kit.inbox.InboxRetention;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** Applied event ids older than the retention (30 days) go; younger ones, which a redelivery may still need, stay. */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class ProcessedEventRetentionTest {

    @Inject
    InboxRetention retention;

    @Test
    void idsOlderThanTheRetentionAreDeletedInBatchesAndYoungerOnesKept() throws Throwable {
        List<String> old = List.of("retention-old-1", "retention-old-2", "retention-old-3", "retention-old-4",
                "retention-old-5");
        List<String> young = List.of("retention-young-1", "retention-young-2");
        for (String id : old) {
            insert(id, Instant.now().minus(Duration.ofDays(40)));
        }
        for (String id : young) {
            insert(id, Instant.now().minus(Duration.ofDays(20)));
        }

        long deleted = VertxContextSupport.subscribeAndAwait(() -> retention.purge());

        assertThat(deleted).isGreaterThanOrEqualTo(old.size()); // batches of 2 (test profile): three rounds
        assertThat(remaining("retention-old-%")).isZero();
        assertThat(remaining("retention-young-%")).isEqualTo(young.size());
    }

    private static void insert(String eventId, Instant processedAt) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("insert into processed_event (event_id, processed_at) values (?1, ?2)")
                .setParameter(1, eventId)
                .setParameter(2, processedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate())));
    }

    private static long remaining(String pattern) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select count(*) from processed_event where event_id like ?1", Long.class)
                .setParameter(1, pattern)
                .getSingleResult())));
    }
}
