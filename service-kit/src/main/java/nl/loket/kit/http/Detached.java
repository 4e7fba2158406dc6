package nl.loket.kit.http;

import io.smallrye.mutiny.Uni;

/**
 * Work a request started runs to its end even when the caller goes away. Quarkus REST cancels the Uni of a request
 * whose connection closed (a client time-out, a proxy giving up); a cancellation that lands while Hibernate Reactive
 * waits for a pooled connection leaks that connection for the life of the process (hibernate-reactive#4133, fixed in
 * 3.3+, not in the 3.2 line Quarkus 3.33 brings). Under a load the platform could not keep up with, intake's pool ran
 * dry within a minute and every request after it failed — until a restart (issue #17's first benchmark).
 *
 * <p>Not cancelling is also what the caller needs: a contact being accepted is stored and published, and the
 * adapter's retry with the same Idempotency-Key gets that contact back instead of a second one.
 */
public final class Detached {

    private Detached() {
    }

    /** {@code work}, subscribed once and never cancelled by the caller's cancellation. */
    public static <T> Uni<T> untilDone(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
