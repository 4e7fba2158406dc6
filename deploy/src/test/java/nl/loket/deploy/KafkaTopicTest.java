package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.Topics;

/** The KafkaTopics are the AsyncAPI document's topics, with its partitions, cleanup policy and retention. */
class KafkaTopicTest {

    private static String topicName(Map<String, Object> kafkaTopic) {
        String topicName = Rendered.string(kafkaTopic, "spec", "topicName");
        return topicName != null ? topicName : Rendered.name(kafkaTopic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDocumentedTopicHasAKafkaTopicAndViceVersa(String overlay) {
        Set<String> kafkaTopics = new TreeSet<>();
        Rendered.ofKind(Rendered.overlay(overlay), "KafkaTopic").forEach(t -> kafkaTopics.add(topicName(t)));

        assertThat(kafkaTopics).containsExactlyInAnyOrderElementsOf(AsyncApi.topics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsHaveThePartitionsCleanupPolicyAndRetentionOfTheDocument(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (AsyncApi.Channel channel : AsyncApi.channels()) {
            for (String topic : channel.topics()) {
                Map<String, Object> kafkaTopic = Rendered.one(objects, "KafkaTopic", topic);
                Map<String, Object> config = Rendered.map(kafkaTopic, "spec", "config");
                assertThat(Rendered.at(kafkaTopic, "spec", "partitions")).as(topic + " partitions")
                        .isEqualTo(channel.partitions());
                assertThat(config.get("cleanup.policy")).as(topic + " cleanup.policy").isEqualTo(channel.cleanupPolicy());
                if (channel.retentionMs() == null) {
                    assertThat(config).as(topic + " keeps the broker's retention").doesNotContainKey("retention.ms");
                } else {
                    assertThat(((Number) config.get("retention.ms")).longValue()).as(topic + " retention.ms")
                            .isEqualTo(channel.retentionMs());
                }
                assertThat(Rendered.string(kafkaTopic, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("loket");
            }
        }
    }

    @Test
    void productionReplicatesEveryTopicThreeTimesAndAcknowledgesOnTwo() {
        Rendered.ofKind(Rendered.overlay("prod"), "KafkaTopic").forEach(t -> {
            assertThat(Rendered.at(t, "spec", "replicas")).as(Rendered.name(t)).isEqualTo(3);
            assertThat(Rendered.at(t, "spec", "config", "min.insync.replicas")).as(Rendered.name(t)).isEqualTo(2);
        });
        Map<String, Object> pool = Rendered.one(Rendered.overlay("prod"), "KafkaNodePool", "dual-role");
        assertThat(Rendered.at(pool, "spec", "replicas")).isEqualTo(3);
    }

    @Test
    void devRunsOneKafkaNodeSoEveryTopicHasOneReplica() {
        List<Map<String, Object>> dev = Rendered.overlay("dev");
        int nodes = Rendered.ofKind(dev, "KafkaNodePool").mapToInt(p -> (Integer) Rendered.at(p, "spec", "replicas")).sum();
        assertThat(nodes).isEqualTo(1);
        Rendered.ofKind(dev, "KafkaTopic").forEach(t -> {
            assertThat(Rendered.at(t, "spec", "replicas")).as(Rendered.name(t)).isEqualTo(1);
            assertThat(Rendered.at(t, "spec", "config", "min.insync.replicas")).as(Rendered.name(t)).isEqualTo(1);
        });
        Map<String, Object> kafkaConfig = Rendered.map(Rendered.one(dev, "Kafka", "loket"), "spec", "kafka", "config");
        assertThat(kafkaConfig).containsEntry("default.replication.factor", 1).containsEntry("min.insync.replicas", 1)
                .containsEntry("offsets.topic.replication.factor", 1);
    }

    @Test
    void teamTopicsAreTheDefaultTeamsAndMatchTheChainTeamSubscriptionPattern() {
        assertThat(AsyncApi.declaredTeamIds()).containsExactlyElementsOf(DefaultTeams.ALL);
        Set<String> teamTopics = new TreeSet<>();
        Rendered.ofKind(Rendered.overlay("prod"), "KafkaTopic").map(KafkaTopicTest::topicName)
                .filter(t -> t.matches(Topics.TEAM_CONTACTS_PATTERN)).forEach(teamTopics::add);

        assertThat(teamTopics).containsExactlyInAnyOrderElementsOf(
                DefaultTeams.ALL.stream().map(Topics::teamContacts).toList());
    }

    @Test
    void topicsAreNeverCreatedByClients() {
        Map<String, Object> kafka = Rendered.one(Rendered.overlay("prod"), "Kafka", "loket");
        assertThat(Rendered.at(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo(false);
    }
}
