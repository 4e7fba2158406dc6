package nl.loket.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import nl.loket.kit.config.KitConfig;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "kit")
class OutboxRelayTest {

    static final String TOPIC = "kit.test.outbox";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxWriter writer;

    @Inject
    KitConfig config;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = OutboxRelay.BUFFER)
    MutinyEmitter<Record<String, String>> emitter;

    @BeforeEach
    void pauseTheScheduledRelay() {
        relay.pause();
    }

    @AfterEach
    void resume() {
        relay.resume();
    }

    @Test
    void twoRelaysOnOneTablePublishEveryRowOnceInWriteOrderWithItsCloudEventHeaders() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int rows = 120; // more than one round of 50 (test profile)
        List<OutboxEvent> events = IntStream.range(0, rows)
                .mapToObj(i -> new OutboxEvent(TOPIC, run + "-" + (i % 7), "nl.loket.test.v1", "{\"n\":" + i + "}"))
                .toList();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> writer.addAll(events, Instant.parse("2026-11-30T09:00:00Z"))));

        // a second replica: its own relay instance on the same table, both running rounds at the same time
        OutboxRelay other = new OutboxRelay(emitter, config, "other-replica");
        List<CompletableFuture<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OutboxRelay r = i % 2 == 0 ? relay : other;
            rounds.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(r::relayOnce);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int published = rounds.stream().mapToInt(CompletableFuture::join).sum();
        while (published < rows) { // rounds that found the lock taken published nothing: finish with one relay
            int sent = VertxContextSupport.subscribeAndAwait(relay::relayOnce);
            assertThat(sent).isPositive();
            published += sent;
        }

        List<ReadRecord> onTopic = TopicClient.await(TOPIC, r -> r.key().startsWith(run), rows, WAIT);
        assertThat(published).isEqualTo(rows);
        assertThat(onTopic).hasSize(rows);
        assertThat(onTopic).extracting(r -> r.header("ce_id")).doesNotHaveDuplicates();
        for (int key = 0; key < 7; key++) {
            String k = run + "-" + key;
            List<Integer> order = onTopic.stream().filter(r -> r.key().equals(k))
                    .map(r -> Integer.parseInt(r.value().replaceAll("\\D", ""))).toList();
            assertThat(order).as("per-key order of %s", k).isSorted();
        }
        ReadRecord first = onTopic.get(0);
        assertThat(first.header("ce_specversion")).isEqualTo("1.0");
        assertThat(first.header("ce_type")).isEqualTo("nl.loket.test.v1");
        assertThat(first.header("ce_subject")).isEqualTo(first.key());
        assertThat(first.header("ce_time")).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(first.header("content-type")).isEqualTo("application/json");
        assertThat(first.header("ce_source")).isIn("urn:loket:service-kit-test", "urn:loket:other-replica");
        assertThat(VertxContextSupport.subscribeAndAwait(relay::countUnsent)).isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(relay::relayOnce)).isZero();
        assertThat(relay.hasCaughtUp()).isTrue();
    }

    @Test
    void aTombstoneKeepsItsHeadersAndARolledBackWriteIsNeverPublished() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> writer
                    .add(new OutboxEvent(TOPIC, run + "-gone", "nl.loket.test.v1", "{}"), Instant.now())
                    .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("rollback")))));
        } catch (IllegalStateException expected) {
            // the change failed: its event goes with it
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> writer
                .add(OutboxEvent.tombstone(TOPIC, run + "-t", "nl.loket.test.v1"), Instant.now())));
        relay.resume();

        ReadRecord tombstone = TopicClient.await(TOPIC, r -> r.key().startsWith(run), 1, WAIT).get(0);
        assertThat(tombstone.key()).isEqualTo(run + "-t");
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.header("ce_type")).isEqualTo("nl.loket.test.v1");
        assertThat(TopicClient.readAll(TOPIC, Duration.ofSeconds(3))).noneMatch(r -> r.key().equals(run + "-gone"));
    }

    @Test
    void sentRowsOlderThanTheRetentionArePurgedAndUnsentOnesNever() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("insert into outbox_event (event_id, topic, message_key, event_type, payload, "
                        + "occurred_at, sent_at) values (?1, ?2, ?3, 'nl.loket.test.v1', '{}', now(), ?4), "
                        + "(?5, ?2, ?3, 'nl.loket.test.v1', '{}', now() - interval '30 days', null)")
                .setParameter(1, run + "-sent")
                .setParameter(2, "kit.test.purge")
                .setParameter(3, run)
                .setParameter(4, Instant.now().minus(Duration.ofDays(8)).atOffset(java.time.ZoneOffset.UTC))
                .setParameter(5, run + "-unsent")
                .executeUpdate())));

        VertxContextSupport.subscribeAndAwait(relay::purgeSent);

        long left = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from outbox_event where event_id like ?1", Long.class)
                        .setParameter(1, run + "%").getSingleResult())));
        assertThat(left).isEqualTo(1);
    }
}
