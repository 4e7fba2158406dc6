package nl.loket.chainteam.service;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one transaction boundary of every change to a work item: the item, its history entry, the processed event id
 * (for consumed events) and the outbox row commit together or not at all. A concurrent change of the same item
 * (optimistic lock, or the same history sequence number taken) rolls the transaction back and runs it again in a
 * new one; after three tries it answers 409.
 */
final class ItemTransactions {

    private ItemTransactions() {
    }

    static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(ItemTransactions::isConcurrentChange).retry()
                .withBackOff(Duration.ofMillis(50), Duration.ofMillis(500)).atMost(3)
                .onFailure(ItemTransactions::isConcurrentChange).transform(e -> ProblemException.conflict(
                        "The item was changed at the same time; reload and try again"));
    }

    static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
