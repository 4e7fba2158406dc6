package nl.loket.intake.repository;

import java.util.Collections;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.kit.db.GroupStatement;

/**
 * Marks receipts PUBLISHED once the broker acknowledged their events — many at once ({@link GroupStatement}: one
 * statement, no transaction around it; marks asked for while one is written go together in the next). Under load that
 * turns a transaction per contact into one statement per few dozen.
 *
 * <p>A mark that fails leaves its receipts PENDING: the caller gets the failure, and the re-publisher publishes them
 * again with the same event id (consumers skip it) — what a crash between the send and the mark already did.
 */
@ApplicationScoped
public class PublishedMarks {

    static final String MARK = "update contact_receipt set status = 'PUBLISHED' where contact_id = any($1)";
    /** Most ids in one statement. */
    static final int MAX_BATCH = 500;

    private final Pool pool;
    private final GroupStatement<String, Void> marks = new GroupStatement<>(MAX_BATCH, this::markAll);

    public PublishedMarks(Pool pool) {
        this.pool = pool;
    }

    /** Completes once the receipt of {@code contactId} is marked PUBLISHED (on the caller's Vert.x context). */
    public Uni<Void> mark(String contactId) {
        return marks.submit(contactId);
    }

    private Uni<List<Void>> markAll(List<String> contactIds) {
        return pool.preparedQuery(MARK).execute(Tuple.of(contactIds.toArray(String[]::new)))
                .map(rows -> Collections.nCopies(contactIds.size(), null));
    }
}
