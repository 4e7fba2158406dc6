package nl.loket.intake.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Marks receipts PUBLISHED once the broker acknowledged their events — many at once. A mark asked for while none is
 * being written is written at once (one statement, no transaction around it: one round trip, the latency of the single
 * update it replaces); marks asked for meanwhile wait for it and go together in the next statement (group commit, no
 * timer). Under load that turns a transaction per contact into one statement per few dozen.
 *
 * <p>A mark that fails leaves its receipts PENDING: the caller gets the failure, and the re-publisher publishes them
 * again with the same event id (consumers skip it) — what a crash between the send and the mark already did.
 */
@ApplicationScoped
public class PublishedMarks {

    static final String MARK = "update contact_receipt set status = 'PUBLISHED' where contact_id = any($1)";
    /** Most ids in one statement. */
    static final int MAX_BATCH = 500;

    private record Mark(String contactId, CompletableFuture<Void> done) {
    }

    private final Pool pool;
    private final ConcurrentLinkedQueue<Mark> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public PublishedMarks(Pool pool) {
        this.pool = pool;
    }

    /** Completes once the receipt of {@code contactId} is marked PUBLISHED (on the caller's Vert.x context). */
    public Uni<Void> mark(String contactId) {
        Mark mark = new Mark(contactId, new CompletableFuture<>());
        waiting.add(mark);
        writeIfIdle();
        return CallerContext.resumeOnCaller(Uni.createFrom().completionStage(mark.done()));
    }

    private void writeIfIdle() {
        while (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
            List<Mark> batch = new ArrayList<>();
            for (Mark m = waiting.poll(); m != null; m = batch.size() < MAX_BATCH - 1 ? waiting.poll() : null) {
                batch.add(m);
            }
            if (batch.isEmpty()) {
                writing.set(false);
                continue;
            }
            String[] ids = batch.stream().map(Mark::contactId).toArray(String[]::new);
            pool.preparedQuery(MARK).execute(Tuple.of(ids)).subscribe().with(
                    rows -> finish(batch, null),
                    failure -> finish(batch, failure));
            return;
        }
    }

    private void finish(List<Mark> batch, Throwable failure) {
        writing.set(false);
        for (Mark m : batch) {
            if (failure == null) {
                m.done().complete(null);
            } else {
                m.done().completeExceptionally(failure);
            }
        }
        writeIfIdle(); // the marks that arrived meanwhile
    }
}
