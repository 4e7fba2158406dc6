package nl.loket.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.Topics;

/**
 * The local broker enforces exactly the users and ACLs of deploy/ (SCRAM-SHA-512 on the fixed port, as on
 * {@code ./loket up}): a partner reads its own team topic only, with its own group; a service writes what it
 * produces and nothing else; metrics-service reads no topic with personal data.
 */
class LocalKafkaAclTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        LocalKafka.neverHaltTheJvm();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        kafka = LocalKafka.start(port, null);
        DeclaredTopics.create(kafka);
        for (String topic : List.of("team.omgeving.contacts", "team.belastingen.contacts", "contacts.received",
                "contacts.routed", "contacts.lifecycle")) {
            send(kafka.adminClientProperties(), topic, "on " + topic);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyUserOfDeployAuthenticatesWithItsLocalPasswordAndNoOneWithAWrongOne() throws Exception {
        List<String> users = KafkaUsers.names();
        assertThat(users).contains("intake-service", "routing-service", "knowledge-service", "chain-team-service",
                "metrics-service", "partner-omgevingsdienst", "back-office-zaken", "loket-operator");
        for (String user : users) {
            try (Admin admin = Admin.create(kafka.clientProperties(user))) {
                assertThat(admin.describeCluster().clusterId().get()).as(user).isNotBlank();
            }
        }
        Properties wrong = kafka.clientProperties("partner-ggd");
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.scramJaasConfig("partner-ggd").replace("-local-secret", "-guess"));
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aPartnerReadsItsOwnTeamTopicWithItsOwnGroup() {
        try (KafkaConsumer<String, String> consumer = consumer("partner-omgevingsdienst", "partner-omgevingsdienst")) {
            consumer.subscribe(List.of("team.omgeving.contacts"));
            List<String> read = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                assertThat(read).contains("on team.omgeving.contacts");
            });
        }
    }

    @Test
    void aPartnerMayNotReadAnotherTeamsTopicNorContactsReceived() {
        for (String topic : List.of("team.belastingen.contacts", "contacts.received")) {
            try (KafkaConsumer<String, String> consumer = consumer("partner-omgevingsdienst", "partner-omgevingsdienst")) {
                consumer.subscribe(List.of(topic));
                await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(200)))
                        .as(topic).isInstanceOf(TopicAuthorizationException.class));
            }
        }
    }

    @Test
    void aPartnerMayNotUseAnotherConsumerGroup() {
        try (KafkaConsumer<String, String> consumer = consumer("partner-omgevingsdienst", "partner-ggd")) {
            consumer.subscribe(List.of("team.omgeving.contacts"));
            await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(200)))
                    .isInstanceOf(GroupAuthorizationException.class));
        }
    }

    @Test
    void aPartnerMayNotWriteAnyTeamTopic() {
        for (String topic : List.of("team.omgeving.contacts", "team.belastingen.contacts")) {
            assertThatThrownBy(() -> send(kafka.clientProperties("partner-omgevingsdienst"), topic, "forged"))
                    .as(topic).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void metricsServiceReadsRoutedAndLifecycleButNeitherContactsReceivedNorAnyTeamTopic() {
        try (KafkaConsumer<String, String> consumer = consumer("metrics-service", "metrics-service")) {
            consumer.subscribe(List.of("contacts.routed", "contacts.lifecycle"));
            List<String> read = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                assertThat(read).contains("on contacts.routed", "on contacts.lifecycle");
            });
        }
        List<String> withPersonalData = new ArrayList<>(List.of("contacts.received"));
        DefaultTeams.ALL.forEach(team -> withPersonalData.add(Topics.teamContacts(team)));
        for (String topic : withPersonalData) {
            try (KafkaConsumer<String, String> consumer = consumer("metrics-service", "metrics-service")) {
                consumer.subscribe(List.of(topic));
                await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> consumer.poll(Duration.ofMillis(200)))
                        .as(topic).isInstanceOf(TopicAuthorizationException.class));
            }
        }
    }

    @Test
    void aServiceWritesWhatItProducesAndNotWhatItDoesNot() throws Exception {
        send(kafka.clientProperties("intake-service"), "contacts.received", "from intake");
        send(kafka.clientProperties("routing-service"), "team.kcc.contacts", "from routing");
        send(kafka.clientProperties("routing-service"), "contacts.routed", "from routing");
        assertThatThrownBy(() -> send(kafka.clientProperties("intake-service"), "contacts.routed", "forged"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(kafka.clientProperties("routing-service"), "contacts.received", "forged"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(kafka.clientProperties("chain-team-service"), "team.kcc.contacts", "forged"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Properties props = kafka.clientProperties(user);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, user + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Sends one record and waits for the acknowledgement (or the broker's refusal). */
    private static void send(Properties client, String topic, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // without idempotence, a refused write is the topic's authorisation error, not the producer id's
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }
}
