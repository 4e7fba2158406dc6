package nl.loket.metrics.rest;

import static nl.loket.metrics.Viewers.viewerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import nl.loket.metrics.ScriptedDay;
import nl.loket.metrics.ScriptedDay.Expected;
import nl.loket.metrics.domain.KpiDefinitions;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
public class ScriptedDayKpiTest {

    private static final double TARGET = 0.80;
    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    public static JsonPath summary(String municipality, String from, String to) {
        return viewerOf(municipality).queryParam("municipality", municipality).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/metrics/summary")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    /** Waits until the scripted day's KPIs of the municipality are all in, and returns its summary. */
    public static JsonPath awaitDay(String municipality) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath s = summary(municipality, ScriptedDay.DAY, ScriptedDay.DAY);
            assertThat(s.getLong("received")).isEqualTo(Expected.RECEIVED);
            assertThat(s.getLong("settled")).isEqualTo(Expected.SETTLED);
            assertThat(s.getLong("transfers.count")).isEqualTo(Expected.TRANSFERRED);
            assertThat(s.getLong("callbacks.requested")).isEqualTo(Expected.CALLBACKS);
            assertThat(s.getLong("callbacks.openPastDue")).isEqualTo(Expected.OPEN_CALLBACKS_PAST_DUE);
            assertThat(s.getLong("deadlineCompliance.find { it.team == 'burgerzaken' }.breached")).isEqualTo(1);
            assertThat(s.getLong("directHandling.directlyHandled")).isEqualTo(Expected.DIRECTLY_HANDLED);
            assertThat(s.getLong("timeToSettle.settled")).isEqualTo(Expected.SETTLED);
        });
        return summary(municipality, ScriptedDay.DAY, ScriptedDay.DAY);
    }

    @Test
    void scriptedDayGivesTheKpisComputedByHand() {
        ScriptedDay.events("GM0001", "day1").forEach(ScriptedDay.Sent::send);
        JsonPath s = awaitDay("GM0001");

        assertThat(s.getInt("definitionsVersion")).isEqualTo(KpiDefinitions.VERSION);
        assertThat(s.getInt("definitions.version")).isEqualTo(KpiDefinitions.VERSION);
        assertThat(s.getList("definitions.items.name")).contains("directlyHandled", "sameDayAnswered", "digitalShare");
        assertThat(s.getString("filters.municipality")).isEqualTo("GM0001");

        assertThat(s.getLong("received")).isEqualTo(9);
        assertThat(s.getLong("firstContacts")).isEqualTo(Expected.FIRST_CONTACTS);
        assertThat(s.getLong("open")).isEqualTo(1);
        // direct-handling share: c1, c4, c10 of 8 first contacts; against the 80% target
        assertThat(s.getLong("directHandling.firstContacts")).isEqualTo(8);
        assertThat(s.getDouble("directHandling.share")).isEqualTo(3.0 / 8);
        assertThat(s.getDouble("directHandling.target")).isEqualTo(TARGET);
        assertThat(s.getDouble("directHandling.gap")).isCloseTo(TARGET - 3.0 / 8, org.assertj.core.data.Offset.offset(1e-9));
        // channel shares and same-day answered (Amsterdam calendar day)
        assertChannel(s, "PHONE", 3, 3.0 / 9, 1, 1.0 / 3);       // c1 same day; c2 next day; c10 00:00 next day
        assertChannel(s, "WEB_FORM", 1, 1.0 / 9, 1, 1.0);
        assertChannel(s, "EMAIL", 2, 2.0 / 9, 2, 1.0);
        assertChannel(s, "CHAT", 1, 1.0 / 9, 1, 1.0);
        assertChannel(s, "COUNTER", 1, 1.0 / 9, 0, 0.0);
        assertChannel(s, "LETTER", 1, 1.0 / 9, 0, 0.0);
        assertThat(s.getLong("channels.find { it.channel == 'SOCIAL_MEDIA' }.received")).isZero();
        assertThat(s.getString("channels.find { it.channel == 'SOCIAL_MEDIA' }.sameDayShare")).isNull();
        assertThat(s.getLong("digital.count")).isEqualTo(Expected.DIGITAL);
        assertThat(s.getDouble("digital.share")).isEqualTo(4.0 / 9);
        // where contacts were settled
        assertThat(s.getDouble("tiers.find { it.tier == 'FIRST_LINE' }.share")).isEqualTo(5.0 / 8);
        assertThat(s.getDouble("tiers.find { it.tier == 'CHAIN_TEAM' }.share")).isEqualTo(2.0 / 8);
        assertThat(s.getDouble("tiers.find { it.tier == 'BACK_OFFICE' }.share")).isEqualTo(1.0 / 8);
        assertThat(s.getDouble("transfers.share")).isEqualTo(1.0 / 9);
        assertThat(s.getDouble("callbacks.rate")).isEqualTo(2.0 / 9);
        assertThat(s.getLong("callbacks.openPastDue")).isEqualTo(1);
        // deadline compliance per team settling contacts
        assertThat(s.getList("deadlineCompliance.team")).containsExactly("belastingen", "burgerzaken", "kcc", "omgeving");
        assertThat(s.getLong("deadlineCompliance.find { it.team == 'kcc' }.settled")).isEqualTo(5);
        assertThat(s.getDouble("deadlineCompliance.find { it.team == 'kcc' }.compliance")).isEqualTo(1.0);
        assertThat(s.getDouble("deadlineCompliance.find { it.team == 'burgerzaken' }.compliance")).isEqualTo(0.0);
        // time to settle
        assertThat(s.getLong("timeToSettle.medianMinutes")).isEqualTo(Expected.MEDIAN_MINUTES);
        assertThat(s.getLong("timeToSettle.p90Minutes")).isEqualTo(Expected.P90_MINUTES);

        // c9 arrived at 00:30 in Amsterdam: it belongs to the next day
        JsonPath next = summary("GM0001", ScriptedDay.NEXT_DAY, ScriptedDay.NEXT_DAY);
        assertThat(next.getLong("received")).isEqualTo(1);
        assertThat(next.getLong("channels.find { it.channel == 'SOCIAL_MEDIA' }.settledSameDay")).isEqualTo(1);

        // the team filter: contacts first routed to kcc or settled by it (c1–c5, c7, c10)
        JsonPath kcc = viewerOf("GM0001").queryParam("municipality", "GM0001").queryParam("from", ScriptedDay.DAY)
                .queryParam("to", ScriptedDay.DAY).queryParam("team", "kcc")
                .get("/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath().using(DOUBLES);
        assertThat(kcc.getLong("received")).isEqualTo(7);
        assertThat(kcc.getList("deadlineCompliance.team")).containsExactly("kcc");

        // the time series: one point per day of receipt
        JsonPath series = viewerOf("GM0001").queryParam("municipality", "GM0001").queryParam("from", ScriptedDay.DAY)
                .queryParam("to", ScriptedDay.NEXT_DAY).queryParam("bucket", "day")
                .get("/api/v1/metrics/timeseries").then().statusCode(200).extract().jsonPath().using(DOUBLES);
        assertThat(series.getList("points.start")).containsExactly(ScriptedDay.DAY, ScriptedDay.NEXT_DAY);
        assertThat(series.getList("points.received", Integer.class)).containsExactly(9, 1);
        assertThat(series.getDouble("points[0].directShare")).isEqualTo(3.0 / 8);
        JsonPath month = viewerOf("GM0001").queryParam("municipality", "GM0001").queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-30").queryParam("bucket", "month")
                .get("/api/v1/metrics/timeseries").then().statusCode(200).extract().jsonPath().using(DOUBLES);
        assertThat(month.getList("points.start")).containsExactly("2026-11-01");
        assertThat(month.getList("points.received", Integer.class)).containsExactly(10);

        // a whole month is read from the month rows, and agrees with the day rows
        JsonPath november = summary("GM0001", "2026-11-01", "2026-11-30");
        JsonPath split = summary("GM0001", "2026-10-31", "2026-11-30");
        assertThat(november.getLong("received")).isEqualTo(10);
        assertThat(without(split.getMap(""))).isEqualTo(without(november.getMap("")));
    }

    @Test
    void sameEventsReplayedTwiceAndShuffledGiveIdenticalKpis() {
        ScriptedDay.events("GM0002", "inorder").forEach(ScriptedDay.Sent::send);
        ScriptedDay.replayedTwiceShuffled("GM0003", "shuffled", 20261102L).forEach(ScriptedDay.Sent::send);
        JsonPath inOrder = awaitDay("GM0002");
        JsonPath shuffled = awaitDay("GM0003");

        assertThat(without(shuffled.getMap(""))).isEqualTo(without(inOrder.getMap("")));
        assertThat(shuffled.getDouble("directHandling.share")).isEqualTo(3.0 / 8);
        assertThat(shuffled.getLong("timeToSettle.medianMinutes")).isEqualTo(Expected.MEDIAN_MINUTES);
        // and the very same events again change nothing
        ScriptedDay.events("GM0003", "shuffled").forEach(ScriptedDay.Sent::send);
        ScriptedDay.events("GM0002", "inorder").forEach(ScriptedDay.Sent::send);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(without(summary("GM0003", ScriptedDay.DAY, ScriptedDay.DAY).getMap("")))
                        .isEqualTo(without(inOrder.getMap(""))));
    }

    private static void assertChannel(JsonPath s, String channel, long received, double share, long sameDay,
            double sameDayShare) {
        String c = "channels.find { it.channel == '" + channel + "' }";
        assertThat(s.getLong(c + ".received")).as(channel).isEqualTo(received);
        assertThat(s.getDouble(c + ".share")).as(channel).isEqualTo(share);
        assertThat(s.getLong(c + ".settledSameDay")).as(channel).isEqualTo(sameDay);
        assertThat(s.getDouble(c + ".sameDayShare")).as(channel).isEqualTo(sameDayShare);
    }

    /** The summary without what legitimately differs between two requests (time, filters). */
    public static Map<String, Object> without(Map<String, Object> summary) {
        Map<String, Object> copy = new java.util.TreeMap<>(summary);
        copy.keySet().removeAll(List.of("generatedAt", "filters"));
        return copy;
    }
}
