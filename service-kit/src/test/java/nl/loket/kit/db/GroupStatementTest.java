package nl.loket.kit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;

class GroupStatementTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Every group the statement was given, in order. */
    private final List<List<String>> groups = new CopyOnWriteArrayList<>();
    /** The first statement's answer, held until the test gives it: what is asked for meanwhile waits. */
    private final AtomicReference<UniEmitter<? super List<String>>> first = new AtomicReference<>();

    private static Uni<List<String>> upperCase(List<String> items) {
        return Uni.createFrom().item(items.stream().map(String::toUpperCase).toList());
    }

    /** A statement whose first run waits for {@link #first}; the runs after it are {@code then}'s. */
    private GroupStatement<String, String> firstHeld(int maxItems, Function<List<String>, Uni<List<String>>> then) {
        return new GroupStatement<>(maxItems, items -> {
            groups.add(items);
            return groups.size() == 1 ? Uni.createFrom().<List<String>>emitter(first::set) : then.apply(items);
        });
    }

    private static UniAssertSubscriber<String> ask(GroupStatement<String, String> statement, String item) {
        return statement.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void anItemAskedForWhileNothingRunsIsWrittenAloneAtOnce() {
        GroupStatement<String, String> statement = new GroupStatement<>(10, items -> {
            groups.add(items);
            return upperCase(items);
        });

        assertThat(statement.submit("a").await().atMost(WAIT)).isEqualTo("A");
        assertThat(statement.submit("b").await().atMost(WAIT)).isEqualTo("B");
        assertThat(groups).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void itemsAskedForWhileAStatementRunsGoTogetherInTheNextOnesUpToTheMost() {
        GroupStatement<String, String> statement = firstHeld(3, GroupStatementTest::upperCase);
        List<UniAssertSubscriber<String>> answers = List.of("a", "b", "c", "d", "e", "f").stream()
                .map(item -> ask(statement, item)).toList();
        assertThat(groups).containsExactly(List.of("a"));

        first.get().complete(List.of("A"));

        for (int i = 0; i < answers.size(); i++) {
            answers.get(i).awaitItem(WAIT).assertItem(String.valueOf((char) ('A' + i)));
        }
        assertThat(groups).containsExactly(List.of("a"), List.of("b", "c", "d"), List.of("e", "f"));
    }

    @Test
    void oneItemsOwnFailureFailsOnlyThatItemTheOthersAreRunAloneAndAnswered() {
        GroupStatement<String, String> statement = firstHeld(10, items -> items.contains("bad")
                ? Uni.createFrom().failure(new IllegalArgumentException("value too long for type character varying"))
                : upperCase(items));
        UniAssertSubscriber<String> held = ask(statement, "held");
        UniAssertSubscriber<String> good = ask(statement, "good");
        UniAssertSubscriber<String> bad = ask(statement, "bad");
        UniAssertSubscriber<String> fine = ask(statement, "fine");

        first.get().complete(List.of("HELD"));

        held.awaitItem(WAIT).assertItem("HELD");
        good.awaitItem(WAIT).assertItem("GOOD");
        fine.awaitItem(WAIT).assertItem("FINE");
        bad.awaitFailure(WAIT).assertFailedWith(IllegalArgumentException.class, "value too long");
        assertThat(groups).containsExactlyInAnyOrder(List.of("held"), List.of("good", "bad", "fine"), List.of("good"),
                List.of("bad"), List.of("fine"));
    }

    @Test
    void aTransientFailureFailsTheWholeGroupWithoutRunningItsItemsAgain() {
        GroupStatement<String, String> statement = firstHeld(10,
                items -> Uni.createFrom().failure(new ConnectException("Connection refused")));
        UniAssertSubscriber<String> held = ask(statement, "held");
        UniAssertSubscriber<String> b = ask(statement, "b");
        UniAssertSubscriber<String> c = ask(statement, "c");

        first.get().complete(List.of("HELD"));

        held.awaitItem(WAIT).assertItem("HELD");
        b.awaitFailure(WAIT).assertFailedWith(ConnectException.class);
        c.awaitFailure(WAIT).assertFailedWith(ConnectException.class);
        assertThat(groups).containsExactly(List.of("held"), List.of("b", "c"));
    }

    @Test
    void aStatementThatAnswersTooFewItemsFailsThemInsteadOfLeavingOneWaiting() {
        GroupStatement<String, String> statement = new GroupStatement<>(10, items -> Uni.createFrom().item(List.of()));

        assertThatThrownBy(() -> statement.submit("a").await().atMost(WAIT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered 0 of 1");
    }

    @Test
    void aStatementThatThrowsFailsItsItemsAndTheNextItemsAreStillWritten() {
        GroupStatement<String, String> statement = new GroupStatement<>(10, items -> {
            if (items.contains("boom")) {
                throw new IllegalStateException("boom");
            }
            return upperCase(items);
        });

        assertThatThrownBy(() -> statement.submit("boom").await().atMost(WAIT)).hasMessage("boom");
        assertThat(statement.submit("next").await().atMost(WAIT)).isEqualTo("NEXT");
    }
}
