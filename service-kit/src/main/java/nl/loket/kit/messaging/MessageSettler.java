package nl.loket.kit.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.config.KitConfig;

/**
 * The one way a Loket consumer runs its work for a record and settles it:
 * <ul>
 * <li>a transient failure (database or broker away, see {@link TransientFailures}) is waited out with back-off for
 * as long as it lasts — nothing is committed meanwhile, so nothing is lost;</li>
 * <li>a broken record ({@link InvalidRecordException}) goes to its dead-letter topic at once;</li>
 * <li>any other failure is tried {@code loket.kit.consumer.permanent-retries} more times, then dead-lettered;</li>
 * <li>then the record is acknowledged.</li>
 * </ul>
 * Batch consumers get the same per record: the broken records of a batch are dead-lettered one by one, and a
 * batch whose work keeps failing is worked record by record, so only the record that fails is set aside.
 * A dead-letter topic that cannot be written is retried until it can: a record is never dropped.
 */
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.consumer.enabled", stringValue = "true")
public class MessageSettler {

    private final DeadLetterPublisher deadLetters;
    private final KitConfig.Consumer config;

    public MessageSettler(DeadLetterPublisher deadLetters, KitConfig config) {
        this.deadLetters = deadLetters;
        this.config = config.consumer();
    }

    /** Runs {@code work} for a message of a Kafka channel, then acknowledges it (or dead-letters and acknowledges). */
    public Uni<Void> settle(Message<?> message, Supplier<Uni<?>> work) {
        ConsumedRecord record;
        try {
            record = ConsumedRecord.of(message);
        } catch (IllegalArgumentException notKafka) {
            return Uni.createFrom().completionStage(message.nack(notKafka));
        }
        return run(record, work).chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    /** Runs {@code work} for a record of a {@code ConsumerRecord} listener; completes once it is settled. */
    public Uni<Void> settle(ConsumerRecord<String, String> record, Supplier<Uni<?>> work) {
        return run(ConsumedRecord.of(record), work);
    }

    /**
     * Settles a batch: {@code parse} turns each record into the work item (throwing {@link InvalidRecordException}
     * or anything else for a broken record, which is dead-lettered); {@code work} processes the parsed items
     * together. If that keeps failing for another reason than a transient one, each item is worked alone, so one
     * bad record never sets aside its neighbours.
     */
    public <T> Uni<Void> settleBatch(Iterable<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, T> parse, Function<List<T>, Uni<?>> work) {
        List<ConsumedRecord> parsedFrom = new ArrayList<>();
        List<T> parsed = new ArrayList<>();
        List<Uni<Void>> broken = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                T item = parse.apply(r);
                parsed.add(item);
                parsedFrom.add(ConsumedRecord.of(r));
            } catch (RuntimeException e) {
                broken.add(deadLetter(ConsumedRecord.of(r), e));
            }
        }
        Uni<Void> setAside = broken.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(broken).andFailFast().replaceWithVoid();
        if (parsed.isEmpty()) {
            return setAside;
        }
        return setAside.chain(() -> withRetries(() -> work.apply(parsed), config.permanentRetries()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("A batch of %d record(s) from %s keeps failing (%s); working its records one by one",
                            parsed.size(), parsedFrom.get(0).topic(), failure.toString());
                    return Multi.createFrom().range(0, parsed.size())
                            // the batch had its tries: a record that fails alone now is set aside at once
                            .onItem().transformToUniAndConcatenate(i -> run(parsedFrom.get(i),
                                    () -> work.apply(List.of(parsed.get(i))), 0))
                            .collect().last().replaceWithVoid();
                });
    }

    /** Work with the retries, then dead-lettering: completes once the record is settled one way or the other. */
    private Uni<Void> run(ConsumedRecord record, Supplier<Uni<?>> work) {
        return run(record, work, config.permanentRetries());
    }

    private Uni<Void> run(ConsumedRecord record, Supplier<Uni<?>> work, int permanentRetries) {
        return withRetries(work, permanentRetries).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> deadLetter(record, failure));
    }

    private Uni<Object> withRetries(Supplier<Uni<?>> work, int permanentRetries) {
        Uni<Object> waitingOutOutages = Uni.createFrom().<Object>deferred(work::get)
                .onFailure(f -> !InvalidRecordException.isInvalidRecord(f) && TransientFailures.isTransient(f))
                .retry().withBackOff(config.transientBackoff(), config.transientMaxBackoff()).indefinitely();
        if (permanentRetries <= 0) {
            return waitingOutOutages;
        }
        return waitingOutOutages
                .onFailure(f -> !InvalidRecordException.isInvalidRecord(f))
                .retry().withBackOff(config.permanentBackoff(), config.permanentBackoff().multipliedBy(10))
                .atMost(permanentRetries);
    }

    private Uni<Void> deadLetter(ConsumedRecord record, Throwable failure) {
        String reason = reasonOf(failure);
        if (!InvalidRecordException.isInvalidRecord(failure)) {
            Log.errorf(failure, "%s could not be processed", record.position());
        }
        return deadLetters.publish(record, reason, failure)
                .onFailure().invoke(e -> Log.errorf("Could not dead-letter %s, retrying: %s", record.position(), e))
                .onFailure().retry().withBackOff(config.transientBackoff(), config.transientMaxBackoff())
                .indefinitely();
    }

    /** The dead-letter reason: a broken record's own words, otherwise what failed. */
    static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRecordException invalid) {
                return invalid.getMessage();
            }
        }
        return "could not be processed: " + failure;
    }
}
