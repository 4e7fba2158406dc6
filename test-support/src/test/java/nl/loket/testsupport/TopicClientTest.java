package nl.loket.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicClientTest {

    @Test
    void sharedBrokerRoundTripsARecordWithHeaders() {
        KafkaTestResource.bootstrapServers();
        TopicClient.createTopics(List.of("test-support.test"), 1);
        TopicClient.send("test-support.test", "k1", "{\"a\":1}", Map.of("ce_id", "e1"));
        var records = TopicClient.await("test-support.test", r -> "k1".equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records.get(0).header("ce_id")).isEqualTo("e1");
        assertThat(records.get(0).value()).isEqualTo("{\"a\":1}");
    }
}
