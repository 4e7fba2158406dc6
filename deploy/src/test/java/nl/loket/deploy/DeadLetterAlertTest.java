package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The dead-letter alerts watch the counter the service kit exports, per dead-letter topic. */
class DeadLetterAlertTest {

    /** Micrometer's {@code loket.dead-letter.records} counter of nl.loket.kit.messaging.DeadLetterPublisher. */
    static final String METRIC = "loket_dead_letter_records_total";

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertWatchesTheKitsDeadLetterCounterPerTopic() throws Exception {
        Path file = Path.of("k8s/monitoring/prometheusrule-dead-letters.yaml");
        Map<String, Object> rule = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Map.class);

        assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.get("kind")).isEqualTo("PrometheusRule");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
        List<Map<String, Object>> alerts = groups.stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat((String) a.get("expr")).contains(METRIC).contains("by (topic)");
            assertThat(((Map<String, Object>) a.get("labels")).get("severity")).isIn("warning", "critical");
        });
        String kit = Files.readString(Path.of(
                "../service-kit/src/main/java/nl/loket/kit/messaging/DeadLetterPublisher.java"));
        assertThat(kit).contains("\"loket.dead-letter.records\", \"topic\"");
    }
}
