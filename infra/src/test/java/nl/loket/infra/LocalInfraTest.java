package nl.loket.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.loket.infra.kafka.DeclaredTopics;
import nl.loket.infra.kafka.LocalKafka;
import nl.loket.infra.postgres.LocalPostgres;
import nl.loket.infra.test.KafkaTestResource;
import nl.loket.infra.test.TopicClient;

class LocalInfraTest {

    @Test
    void sharedBrokerRoundTripsARecordWithHeaders() {
        KafkaTestResource.bootstrapServers();
        TopicClient.createTopics(List.of("infra.test"), 1);
        TopicClient.send("infra.test", "k1", "{\"a\":1}", Map.of("ce_id", "e1"));
        var records = TopicClient.await("infra.test", r -> "k1".equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records.get(0).header("ce_id")).isEqualTo("e1");
        assertThat(records.get(0).value()).isEqualTo("{\"a\":1}");
    }

    @Test
    void declaredTopicsAreCreatedWithTheirCleanupPolicy() throws Exception {
        String bootstrap = KafkaTestResource.bootstrapServers();
        var declared = DeclaredTopics.fromAsyncApi();
        assertThat(declared).extracting(DeclaredTopics.Topic::name)
                .contains("contacts.received", "knowledge.products", "team.kcc.contacts", "team.contacts.dlq");
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "knowledge.products");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.listTopics().names().get()).containsAll(declared.stream().map(DeclaredTopics.Topic::name).toList());
        }
    }

    @Test
    void brokerListensOnAFixedPortWhenAsked() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LocalKafka kafka = LocalKafka.start(port, null)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            DeclaredTopics.create(kafka.bootstrapServers());
            TopicClient.sendTo(kafka.bootstrapServers(), "contacts.received", "fixed", "{}", Map.of());
            var records = TopicClient.awaitOn(kafka.bootstrapServers(), "contacts.received", r -> "fixed".equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
        }
    }

    @Test
    void postgresCreatesADatabasePerService() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(0, null)) {
            postgres.createDatabase("intake");
            postgres.createDatabase("intake");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("intake"), postgres.user(), postgres.password());
                 ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("intake");
            }
        }
    }
}
