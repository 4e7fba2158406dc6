package nl.loket.kit.messaging;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The kit's test consumers. A record's value says what its work does: {@code ok} succeeds, {@code broken} is a
 * broken record, {@code poison} fails every time, {@code flaky-N} fails N times with a transient failure first.
 */
@ApplicationScoped
public class TestListeners {

    /** Work attempts per record key. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final MessageSettler settler;

    public TestListeners(MessageSettler settler) {
        this.settler = settler;
    }

    @Incoming("kit-test-single")
    public Uni<Void> single(Message<String> message) {
        return settler.settle(message, () -> work(ConsumedRecord.of(message)));
    }

    @Incoming("kit-test-batch")
    public Uni<Void> batch(ConsumerRecords<String, String> records) {
        return settler.settleBatch(records, this::parse, batch -> Uni.join()
                .all(batch.stream().map(TestListeners::work).toList()).andFailFast());
    }

    private ConsumedRecord parse(ConsumerRecord<String, String> r) {
        if ("broken".equals(r.value())) {
            throw new InvalidRecordException("broken on purpose");
        }
        return ConsumedRecord.of(r);
    }

    private static Uni<Void> work(ConsumedRecord r) {
        int attempt = ATTEMPTS.computeIfAbsent(r.key(), k -> new AtomicInteger()).incrementAndGet();
        String value = r.value();
        if ("broken".equals(value)) {
            throw new InvalidRecordException("broken on purpose");
        }
        if ("poison".equals(value)) {
            return Uni.createFrom().failure(new IllegalStateException("poison on purpose"));
        }
        if (value != null && value.startsWith("flaky-") && attempt <= Integer.parseInt(value.substring(6))) {
            return Uni.createFrom().failure(new ConnectException("Connection refused (on purpose)"));
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("insert into kit_test_applied (record_key) values (?1) on conflict do nothing")
                .setParameter(1, r.key())
                .executeUpdate()))
                .replaceWithVoid();
    }
}
