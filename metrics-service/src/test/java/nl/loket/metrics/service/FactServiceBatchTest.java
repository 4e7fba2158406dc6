package nl.loket.metrics.service;

import static nl.loket.metrics.rest.ScriptedDayKpiTest.awaitDay;
import static nl.loket.metrics.rest.ScriptedDayKpiTest.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import nl.loket.metrics.Batches;
import nl.loket.metrics.ScriptedDay;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.domain.Counter;
import nl.loket.metrics.rest.ScriptedDayKpiTest;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * {@link FactService#applyAll} on the real database: a batch, whatever it holds — every event of a day, events of one
 * contact on both topics, duplicates — leaves the facts and rollup rows where one transaction per event leaves them.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class FactServiceBatchTest {

    @Inject
    FactService facts;

    @Test
    void aWholeDayInOneBatchGivesTheKpisAndRollupRowsOfOneTransactionPerEvent() throws Throwable {
        // each contact's decisions and lifecycle events (routed + handled, transfers, call-backs) in the same batch
        applyAll(Batches.events(ScriptedDay.events("GM0031", "batch")));
        for (ContactEvent event : Batches.events(ScriptedDay.events("GM0032", "apart"))) {
            applyAll(List.of(event));
        }

        JsonPath batched = awaitDay("GM0031");
        JsonPath apart = awaitDay("GM0032");
        assertThat(without(batched.getMap(""))).isEqualTo(without(apart.getMap("")));
        assertThat(batched.getLong("directHandling.directlyHandled")).isEqualTo(ScriptedDay.Expected.DIRECTLY_HANDLED);
        assertThat(batched.getLong("timeToSettle.medianMinutes")).isEqualTo(ScriptedDay.Expected.MEDIAN_MINUTES);
        // row for row, including rows a later event brought back to zero
        assertThat(rollupRows("GM0031")).hasSizeGreaterThan(20).isEqualTo(rollupRows("GM0032"));
    }

    @Test
    void duplicatesInABatchAndItsRedeliveryAreAppliedOnce() throws Throwable {
        List<ScriptedDay.Sent> day = ScriptedDay.events("GM0033", "twice");
        List<ContactEvent> twiceShuffled = Batches.events(ScriptedDay.replayedTwiceShuffled("GM0033", "twice", 17L));

        List<Boolean> applied = applyAll(twiceShuffled);

        // each id applied at its first occurrence only
        List<String> firstOccurrences = new ArrayList<>();
        for (int i = 0; i < twiceShuffled.size(); i++) {
            String id = twiceShuffled.get(i).id();
            assertThat(applied.get(i)).as("event %s at %d", id, i).isEqualTo(!firstOccurrences.contains(id));
            firstOccurrences.add(id);
        }
        assertThat(applied.stream().filter(a -> a)).hasSize(day.size());
        JsonPath once = awaitDay("GM0033");
        List<String> rows = rollupRows("GM0033");

        // the batch redelivered: nothing applied, nothing changed
        assertThat(applyAll(Batches.events(day))).hasSize(day.size()).containsOnly(false);
        assertThat(without(ScriptedDayKpiTest.awaitDay("GM0033").getMap(""))).isEqualTo(without(once.getMap("")));
        assertThat(rollupRows("GM0033")).isEqualTo(rows);
    }

    @Test
    void aBatchOfContactsAddsEveryContactToTheSharedRollupRows() throws Throwable {
        int n = 300;
        List<ContactEvent> events = new ArrayList<>(Batches.events(Batches.directlyHandled("GM0034", "many", n)));
        Collections.shuffle(events, new java.util.Random(34));

        assertThat(applyAll(events)).hasSize(2 * n).containsOnly(true);

        JsonPath day = ScriptedDayKpiTest.summary("GM0034", ScriptedDay.DAY, ScriptedDay.DAY);
        assertThat(day.getLong("received")).isEqualTo(n);
        assertThat(day.getLong("settled")).isEqualTo(n);
        assertThat(day.getLong("directHandling.directlyHandled")).isEqualTo(n);
        assertThat(day.getLong("timeToSettle.settled")).isEqualTo(n);
        assertThat(day.getLong("timeToSettle.medianMinutes")).isEqualTo(5);
    }

    private List<Boolean> applyAll(List<ContactEvent> events) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> facts.applyAll(events));
    }

    /** The municipality's rollup rows (without the municipality), as text, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> rollupRows(String municipality) throws Throwable {
        String columns = Arrays.stream(Counter.values()).map(Counter::column).collect(Collectors.joining(", "));
        String sql = "select concat_ws('|', grain, team, period, channel, " + columns + ", settle_histogram) "
                + "from kpi_rollup where municipality = ?1 order by 1";
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, String.class).setParameter(1, municipality).getResultList())));
    }
}
