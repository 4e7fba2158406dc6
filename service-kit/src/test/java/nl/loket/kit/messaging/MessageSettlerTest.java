package nl.loket.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "kit")
class MessageSettlerTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void oneBadRecordInABatchIsSetAsideAloneWithTheWholeHeaderSetAndItsNeighboursAreProcessed() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> good = List.of(run + "-a", run + "-b", run + "-d", run + "-f");
        TopicClient.send("kit.test.batch", run + "-a", "ok", Map.of("ce_id", run + "-1", "ce_type", "test"));
        TopicClient.send("kit.test.batch", run + "-b", "ok", Map.of());
        TopicClient.send("kit.test.batch", run + "-c", "poison", Map.of("ce_id", run + "-3"));
        TopicClient.send("kit.test.batch", run + "-d", "ok", Map.of());
        TopicClient.send("kit.test.batch", run + "-e", "broken", Map.of());
        TopicClient.send("kit.test.batch", run + "-f", "flaky-2", Map.of());

        Awaitility.await().atMost(WAIT).until(() -> applied(run) == good.size());
        List<ReadRecord> dead = TopicClient.await("kit.test.batch.dlq", r -> r.key().startsWith(run), 2, WAIT);

        assertThat(dead).extracting(ReadRecord::key).containsExactlyInAnyOrder(run + "-c", run + "-e");
        ReadRecord poison = dead.stream().filter(r -> r.key().equals(run + "-c")).findFirst().orElseThrow();
        assertThat(poison.value()).isEqualTo("poison");
        assertThat(poison.header("ce_id")).isEqualTo(run + "-3");
        assertThat(poison.header(DeadLetterHeaders.REASON)).contains("poison on purpose");
        assertThat(poison.header(DeadLetterHeaders.TOPIC)).isEqualTo("kit.test.batch");
        assertThat(poison.header(DeadLetterHeaders.PARTITION)).isNotBlank();
        assertThat(poison.header(DeadLetterHeaders.OFFSET)).isNotBlank();
        assertThat(poison.header(DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(poison.header(DeadLetterHeaders.SERVICE)).isEqualTo("service-kit-test");
        assertThat(poison.header(DeadLetterHeaders.TIME)).isNotBlank();
        ReadRecord broken = dead.stream().filter(r -> r.key().equals(run + "-e")).findFirst().orElseThrow();
        assertThat(broken.header(DeadLetterHeaders.REASON)).isEqualTo("broken on purpose");
        assertThat(broken.header(DeadLetterHeaders.EXCEPTION)).isEqualTo(InvalidRecordException.class.getName());
        // a transient failure is waited out, never dead-lettered
        assertThat(TestListeners.ATTEMPTS.get(run + "-f").get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBrokenRecordIsSetAsideAtOnceAndAPermanentFailureAfterItsRetries() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicClient.send("kit.test.single", run + "-broken", "broken", Map.of());
        TopicClient.send("kit.test.single", run + "-poison", "poison", Map.of());
        TopicClient.send("kit.test.single", run + "-flaky", "flaky-3", Map.of());

        List<ReadRecord> dead = TopicClient.await("kit.test.single.dlq", r -> r.key().startsWith(run), 2, WAIT);
        Awaitility.await().atMost(WAIT).until(() -> applied(run) == 1);

        assertThat(dead).extracting(ReadRecord::key).containsExactlyInAnyOrder(run + "-broken", run + "-poison");
        assertThat(TestListeners.ATTEMPTS.get(run + "-broken").get()).isEqualTo(1);
        assertThat(TestListeners.ATTEMPTS.get(run + "-poison").get()).isEqualTo(3); // the try and 2 retries (test profile)
        assertThat(TestListeners.ATTEMPTS.get(run + "-flaky").get()).isEqualTo(4);
        assertThat(dead).allSatisfy(r -> assertThat(r.header(DeadLetterHeaders.SERVICE)).isEqualTo("service-kit-test"));
    }

    @Test
    void aDeadLetterRecordCarriesOneHeaderSetEvenWhenItWasDeadLetteredBefore() {
        ConsumedRecord replayed = new ConsumedRecord("contacts.received", 1, 7, "k", new org.apache.kafka.common.header
                .internals.RecordHeaders().add(DeadLetterHeaders.REASON, "earlier".getBytes())
                .add("ce_id", "e1".getBytes()), "{}");

        var headers = DeadLetterHeaders.of(replayed, "now", new InvalidRecordException("now"), "routing-service",
                java.time.Instant.parse("2026-11-30T10:00:00Z"));

        assertThat(headers.headers(DeadLetterHeaders.REASON)).hasSize(1);
        assertThat(new String(headers.lastHeader(DeadLetterHeaders.REASON).value())).isEqualTo("now");
        assertThat(new String(headers.lastHeader("ce_id").value())).isEqualTo("e1");
        assertThat(new String(headers.lastHeader(DeadLetterHeaders.TIME).value())).isEqualTo("2026-11-30T10:00:00Z");
    }

    static long applied(String run) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select count(*) from kit_test_applied where record_key like ?1", Long.class)
                .setParameter(1, run + "%")
                .getSingleResult())));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
