package nl.loket.intake.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The SQL pool completes on its connection's event loop, not on the request's Vert.x context; what the caller does next
 * (a Hibernate Reactive session, the response) belongs on its own context. Captured when the statement is asked for.
 */
final class CallerContext {

    private CallerContext() {
    }

    static <T> Uni<T> resumeOnCaller(Uni<T> statement) {
        Context context = Vertx.currentContext();
        return context == null ? statement : statement.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
