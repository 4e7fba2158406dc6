package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-checks fail where they should: a channel the ACLs do not cover, a variable no service reads, a port or
 * database that differs from the service list.
 */
class CrossCheckNegativeTest {

    @TempDir
    Path dir;

    private ServiceConfig config(String properties) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, properties);
        return ServiceConfig.load("metrics-service", file).orElseThrow();
    }

    private static Map<String, KafkaAcls.Acl> acls(String user) {
        return KafkaAcls.of(Rendered.one(Rendered.overlay("prod"), "KafkaUser", user));
    }

    private static List<String> ungranted(ServiceConfig config, String user) {
        return KafkaAclTest.ungranted(config, acls(user), KafkaAclTest.kafkaTopics(), new TreeSet<>());
    }

    @Test
    void aTopicTheUserMayNotReadIsReported() throws IOException {
        ServiceConfig config = config("""
                quarkus.application.name=metrics-service
                mp.messaging.incoming.cases.connector=smallrye-kafka
                mp.messaging.incoming.cases.topic=cases.status
                """);

        assertThat(ungranted(config, "metrics-service")).contains("channel cases: Read on topic cases.status");
    }

    @Test
    void aConsumerGroupOtherThanTheGrantedOneIsReported() throws IOException {
        ServiceConfig config = config("""
                mp.messaging.incoming.routed.topic=contacts.routed
                mp.messaging.incoming.routed.group.id=metrics
                """);

        assertThat(ungranted(config, "metrics-service")).containsExactly("channel routed: Read on group metrics");
    }

    @Test
    void theDefaultGroupIsTheApplicationName() throws IOException {
        ServiceConfig config = config("""
                quarkus.application.name=metrics-service
                mp.messaging.incoming.routed.topic=contacts.routed
                mp.messaging.incoming.routed.failure-strategy=dead-letter-queue
                mp.messaging.incoming.routed.dead-letter-queue.topic=contacts.routed.dlq
                %dev.mp.messaging.incoming.routed.topic=anything-goes-locally
                """);

        assertThat(ungranted(config, "metrics-service")).isEmpty();
    }

    @Test
    void aDeadLetterTopicTheUserMayNotWriteIsReported() throws IOException {
        ServiceConfig config = config("""
                mp.messaging.incoming.routed.topic=contacts.routed
                mp.messaging.incoming.routed.group.id=metrics-service
                mp.messaging.incoming.routed.failure-strategy=dead-letter-queue
                """);

        assertThat(ungranted(config, "metrics-service"))
                .contains("channel routed: Write on dead-letter topic dead-letter-topic-routed");
    }

    @Test
    void perInstanceGroupsNeedAPrefixGrant() throws IOException {
        ServiceConfig config = config("""
                mp.messaging.incoming.teams.topic=knowledge.teams
                mp.messaging.incoming.teams.group.id=routing-service-view-${HOSTNAME}
                """);

        assertThat(ungranted(config, "routing-service")).isEmpty();
        assertThat(ungranted(config, "metrics-service"))
                .contains("channel teams: Read on every group starting with routing-service-view- (group.id "
                        + "routing-service-view-${HOSTNAME})");
    }

    @Test
    void aPatternSubscriptionNeedsEveryMatchingTopic() throws IOException {
        ServiceConfig config = config("""
                mp.messaging.incoming.teams.topic=team\\\\.[a-z0-9-]+\\\\.contacts
                mp.messaging.incoming.teams.pattern=true
                mp.messaging.incoming.teams.group.id=chain-team-service
                """);

        assertThat(ungranted(config, "chain-team-service")).isEmpty();
        assertThat(ungranted(config, "partner-ggd")).contains("channel teams: Read on topic team.kcc.contacts");
    }

    @Test
    void everyTopicOfATopicListIsChecked() throws IOException {
        ServiceConfig config = config("""
                mp.messaging.incoming.all.topics=contacts.routed,contacts.lifecycle,cases.status
                mp.messaging.incoming.all.group.id=metrics-service
                """);

        assertThat(ungranted(config, "metrics-service")).containsExactlyInAnyOrder(
                "channel all: Describe on topic cases.status", "channel all: Read on topic cases.status");
    }

    /** metrics-service reads no personal data: a configuration that would is reported, not silently granted. */
    @Test
    void metricsReadingContactsReceivedOrATeamTopicIsReported() throws IOException {
        ServiceConfig config = config("""
                quarkus.application.name=metrics-service
                mp.messaging.incoming.received.topic=contacts.received
                mp.messaging.incoming.teams.topic=team\\\\.[a-z0-9-]+\\\\.contacts
                mp.messaging.incoming.teams.pattern=true
                """);

        List<String> missing = ungranted(config, "metrics-service");
        assertThat(missing).contains("channel received: Read on topic contacts.received",
                "channel teams: Read on topic team.kcc.contacts", "channel teams: Read on topic team.veiligheid.contacts");
    }

    @Test
    void aProducedTopicTheUserMayNotWriteIsReported() throws IOException {
        ServiceConfig config = config("""
                mp.messaging.outgoing.out.topic=contacts.routed
                """);

        assertThat(ungranted(config, "intake-service")).contains("channel out: Write on topic contacts.routed");
    }

    @Test
    void misspelledVariablesAreReported() throws IOException {
        Optional<ServiceConfig> config = Optional.of(config("""
                quarkus.datasource.db-kind=postgresql
                %dev.loket.intake.citizen-ref-key=dev
                """));

        assertThat(ConfigKeysTest.unknownVariables(config, Set.of("KAFKA_SASL_JAAS_CONFG", "QUARKUS_DATASOURCE_JDBC_ULR",
                "LOKET_INTAKE_CITIZEN_REF_KY", "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_DATASOURCE_JDBC_URL",
                "LOKET_INTAKE_CITIZEN_REF_KEY", "SOMETHING_ELSE")))
                .containsExactlyInAnyOrder("KAFKA_SASL_JAAS_CONFG", "QUARKUS_DATASOURCE_JDBC_ULR",
                        "LOKET_INTAKE_CITIZEN_REF_KY", "SOMETHING_ELSE");
    }

    @Test
    void datasourceVariablesNeedAServiceWithADatasource() throws IOException {
        Optional<ServiceConfig> config = Optional.of(config("quarkus.application.name=metrics-service\n"));

        assertThat(ConfigKeysTest.unknownVariables(config, Set.of("QUARKUS_DATASOURCE_PASSWORD")))
                .containsExactly("QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void aServiceConfigurationThatDisagreesWithTheServiceListIsReported() throws IOException {
        ServiceConfig config = config("""
                quarkus.http.port=8085
                quarkus.management.enabled=true
                quarkus.management.port=9085
                %dev.quarkus.http.port=8089
                %dev.quarkus.datasource.reactive.url=postgresql://localhost:15432/metric
                %dev.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:15432/metrics?ssl=false
                """);

        assertThat(ServiceListTest.disagreements(ServiceList.named("metrics-service"), config, Rendered.overlay("dev")))
                .containsExactlyInAnyOrder(
                        "application.properties (%dev): quarkus.http.port is 8089, the list says 8085",
                        "application.properties (%dev): quarkus.datasource.reactive.url names database metric, the list "
                                + "says metrics");
    }

    @Test
    void manifestsThatDisagreeWithTheServiceListAreReported() throws IOException {
        ServiceConfig config = config("""
                quarkus.http.port=8086
                quarkus.management.port=9185
                %dev.quarkus.datasource.reactive.url=postgresql://localhost:15432/facts
                %dev.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:15432/facts
                """);
        ServiceList.Entry moved = new ServiceList.Entry("metrics-service", 8086, "facts", 9086);

        assertThat(ServiceListTest.disagreements(moved, config, Rendered.overlay("prod"))).containsExactlyInAnyOrder(
                "Deployment: container port http is 8085, the list says 8086",
                "Service: port 80 goes to container port 8085 (targetPort http), the list says 8086",
                "application.properties: quarkus.management.enabled is not true (/q/* would be on the public port)",
                "application.properties: quarkus.management.port is 9185, the list says 9086",
                "Deployment: container port management is 9085, the list says 9086",
                "Deployment: prometheus.io/port is 9085, the list says 9086",
                "Deployment: QUARKUS_DATASOURCE_REACTIVE_URL names database metrics, the list says facts",
                "Deployment: QUARKUS_DATASOURCE_JDBC_URL names database metrics, the list says facts",
                "Cluster metrics-db: initdb database is metrics, the list says facts");
    }

    @Test
    void aServiceListedWithoutADatabaseThatHasOneIsReported() throws IOException {
        ServiceConfig config = config("""
                quarkus.http.port=8085
                quarkus.management.enabled=true
                quarkus.management.port=9085
                %dev.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:15432/metrics
                """);
        ServiceList.Entry withoutDatabase = new ServiceList.Entry("metrics-service", 8085, ServiceList.NO_DATABASE, 9085);

        assertThat(ServiceListTest.disagreements(withoutDatabase, config, Rendered.overlay("prod"))).containsExactlyInAnyOrder(
                "application.properties (%dev): quarkus.datasource.jdbc.url names database metrics, the list says it has none",
                "Deployment: sets QUARKUS_DATASOURCE_JDBC_URL, the list says it has no database",
                "Deployment: sets QUARKUS_DATASOURCE_PASSWORD, the list says it has no database",
                "Deployment: sets QUARKUS_DATASOURCE_REACTIVE_URL, the list says it has no database",
                "Deployment: sets QUARKUS_DATASOURCE_USERNAME, the list says it has no database",
                "Cluster: 1 database clusters are owned by metrics-service, the list says it has no database");
    }
}
