package nl.loket.metrics.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.metrics.ScriptedDay;
import nl.loket.metrics.domain.Counter;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.metrics.Management;

@QuarkusTest
@WithKafkaAndPostgres(database = "metrics")
class KpiGaugesTest {

    /** Prometheus, on the management interface. */
    private final String prometheus = Management.url("/q/metrics");

    @Test
    void headlineKpisArePrometheusGaugesWithBoundedMunicipalityLabels() {
        ScriptedDay.events("GM0007", "gauges").forEach(ScriptedDay.Sent::send);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String metrics = given().get(prometheus).then().statusCode(200).extract().asString();
            assertThat(metrics).contains("loket_metrics_direct_handling_target 0.8");
            assertThat(metrics).containsPattern("loket_metrics_contacts_received\\{channel=\"all\",municipality=\"all\"\\} \\d+");
            assertThat(metrics).containsPattern("loket_metrics_direct_handling_share\\{channel=\"PHONE\",municipality=\"all\"\\}");
            assertThat(metrics).contains("loket_metrics_same_day_answered_share{");
            assertThat(metrics).contains("loket_metrics_digital_share{");
            // test config: 3 municipalities get a label of their own, the rest are "other"
            long municipalities = metrics.lines().filter(l -> l.startsWith("loket_metrics_contacts_received{channel=\"all\""))
                    .count();
            assertThat(municipalities).isLessThanOrEqualTo(3 + 2);
        });
    }

    @Test
    void municipalitiesBeyondTheCapAreSummedAsOther() {
        Map<String, Map<String, long[]>> rows = new TreeMap<>();
        rows.put("GM0001", Map.of("PHONE", received(50)));
        rows.put("GM0002", Map.of("PHONE", received(10), "EMAIL", received(5)));
        rows.put("GM0003", Map.of("EMAIL", received(7)));
        rows.put("GM0004", Map.of("PHONE", received(1)));
        Map<String, Map<String, long[]>> bounded = KpiGauges.bounded(rows, 2);
        assertThat(bounded.keySet()).containsExactly("GM0001", "GM0002", "other", "all");
        assertThat(bounded.get("other").get("EMAIL")[Counter.RECEIVED.ordinal()]).isEqualTo(7);
        assertThat(bounded.get("other").get("PHONE")[Counter.RECEIVED.ordinal()]).isEqualTo(1);
        assertThat(bounded.get("all").get("PHONE")[Counter.RECEIVED.ordinal()]).isEqualTo(61);
    }

    private static long[] received(long n) {
        long[] v = new long[Counter.SIZE];
        v[Counter.RECEIVED.ordinal()] = n;
        return v;
    }
}
