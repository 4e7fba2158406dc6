package nl.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.platform.kafka.DeclaredTopics;
import nl.loket.platform.kafka.LocalKafka;
import nl.loket.platform.postgres.LocalPostgres;

/** The broker and the database the local platform (and test-support) starts: real ones, no Docker. */
class LocalInfrastructureTest {

    @BeforeAll
    static void kafkaMayNotHaltTheTestJvm() {
        LocalKafka.neverHaltTheJvm();
    }

    @Test
    void declaredTopicsAreCreatedWithTheirCleanupPolicy() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(0, null)) {
            DeclaredTopics.create(kafka);
            var declared = DeclaredTopics.fromAsyncApi();
            assertThat(declared).extracting(DeclaredTopics.Topic::name)
                    .contains("contacts.received", "knowledge.products", "team.kcc.contacts", "team.contacts.dlq");
            try (Admin admin = Admin.create(kafka.adminClientProperties())) {
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, "knowledge.products");
                var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(admin.listTopics().names().get())
                        .containsAll(declared.stream().map(DeclaredTopics.Topic::name).toList());
            }
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
            DeclaredTopics.create(kafka);
            // on the fixed port with SCRAM, as the service that produces contacts.received
            send(kafka.clientProperties("intake-service"), "contacts.received", "fixed", "{}");
            assertThat(readAll(kafka.adminClientProperties(), "contacts.received"))
                    .extracting(ConsumerRecord::key).containsExactly("fixed");
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

    private static void send(Properties client, String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every record on the topic up to its end offsets at the time of the call. */
    private static List<ConsumerRecord<String, String>> readAll(Properties client, String topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
