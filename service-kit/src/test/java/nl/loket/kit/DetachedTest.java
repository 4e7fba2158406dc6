package nl.loket.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.mutiny.subscription.Cancellable;
import nl.loket.kit.http.Detached;

class DetachedTest {

    @Test
    void aCallerWhoGoesAwayDoesNotCancelTheWorkAndItsResultStillArrivesForAnyoneWaiting() {
        AtomicBoolean workCancelled = new AtomicBoolean();
        AtomicReference<UniEmitter<? super String>> result = new AtomicReference<>();
        Uni<String> work = Uni.createFrom().<String>emitter(result::set).onCancellation().invoke(() -> workCancelled.set(true));

        AtomicBoolean callerGotItem = new AtomicBoolean();
        Cancellable caller = Detached.untilDone(work).subscribe().with(item -> callerGotItem.set(true));
        caller.cancel(); // the client's connection closed

        assertThat(workCancelled).isFalse();
        result.get().complete("stored and published");
        assertThat(callerGotItem).isFalse(); // the caller left; the work finished all the same
    }

    @Test
    void withoutItTheCallersCancellationReachesTheWork() {
        AtomicBoolean workCancelled = new AtomicBoolean();
        Uni<String> work = Uni.createFrom().<String>emitter(pending -> { }).onCancellation().invoke(() -> workCancelled.set(true));

        work.subscribe().with(item -> { }).cancel();

        assertThat(workCancelled).isTrue(); // what Detached is for
    }

    @Test
    void itemsAndFailuresPassThrough() {
        assertThat(Detached.untilDone(Uni.createFrom().item("ok")).await().indefinitely()).isEqualTo("ok");
        assertThat(Detached.untilDone(Uni.createFrom().<String>failure(new IllegalStateException("no")))
                .onFailure().recoverWithItem(Throwable::getMessage).await().indefinitely()).isEqualTo("no");
    }
}
