package nl.loket.kit.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import nl.loket.kit.messaging.TransientFailures;

/**
 * Group commit for a statement every request runs once (a receipt's insert, a status update): an item asked for while
 * no statement runs is written at once, alone (the latency of the single statement it replaces); items asked for
 * meanwhile wait for it and go together in the next statement. No timer: under load a statement per request becomes one
 * per few dozen, idle it stays one per request.
 *
 * <p>One item cannot fail the others: a statement of several items that fails for a reason of its own (not
 * {@link TransientFailures#isTransient transient}: a constraint, a value the database refuses) is run again for each
 * item alone, so every caller gets its own item's answer. A transient failure (the database away) fails them all,
 * as it would have failed each.
 *
 * @param <I> what one caller asks for
 * @param <R> its answer; the statement answers the items in their order
 */
public final class GroupStatement<I, R> {

    private record Waiting<I, R>(I item, CompletableFuture<R> done) {
    }

    private final int maxItems;
    private final Function<List<I>, Uni<List<R>>> statement;
    private final ConcurrentLinkedQueue<Waiting<I, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param maxItems  most items in one statement
     * @param statement runs the items in one statement; its list answers them in their order (same size)
     */
    public GroupStatement(int maxItems, Function<List<I>, Uni<List<R>>> statement) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1");
        }
        this.maxItems = maxItems;
        this.statement = statement;
    }

    /**
     * The answer to {@code item} once the statement that holds it ran; on the caller's Vert.x context when it has one
     * (a pool completes on its connection's event loop, what the caller does next belongs on its own).
     */
    public Uni<R> submit(I item) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Waiting<I, R> w = new Waiting<>(item, new CompletableFuture<>());
            waiting.add(w);
            runIfIdle();
            Uni<R> answer = Uni.createFrom().completionStage(w.done());
            return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private void runIfIdle() {
        while (!waiting.isEmpty() && running.compareAndSet(false, true)) {
            List<Waiting<I, R>> group = new ArrayList<>();
            for (Waiting<I, R> w = waiting.poll(); w != null; w = group.size() < maxItems ? waiting.poll() : null) {
                group.add(w);
            }
            if (group.isEmpty()) {
                running.set(false);
                continue;
            }
            run(group).subscribe().with(ignored -> {
                running.set(false);
                runIfIdle(); // what arrived meanwhile
            });
            return;
        }
    }

    /** Runs the group; completes (never fails) once every caller in it has its answer. */
    private Uni<Void> run(List<Waiting<I, R>> group) {
        Uni<List<R>> answers;
        try {
            answers = statement.apply(group.stream().map(Waiting::item).toList());
        } catch (RuntimeException e) {
            answers = Uni.createFrom().failure(e);
        }
        return answers.onItemOrFailure().transformToUni((results, failure) -> {
            if (failure == null && (results == null || results.size() != group.size())) {
                failure = new IllegalStateException("The statement answered " + (results == null ? 0 : results.size())
                        + " of " + group.size() + " items");
            }
            if (failure == null) {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).done().complete(results.get(i));
                }
                return Uni.createFrom().voidItem();
            }
            if (group.size() == 1 || TransientFailures.isTransient(failure)) {
                for (Waiting<I, R> w : group) {
                    w.done().completeExceptionally(failure);
                }
                return Uni.createFrom().voidItem();
            }
            // one item's own failure: each alone, so the others are answered
            return Uni.join().all(group.stream().map(w -> run(List.of(w))).toList()).andFailFast().replaceWithVoid();
        });
    }
}
