package nl.loket.platform.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.EventCatalog;

/**
 * The topics of the AsyncAPI document (contracts), with partitions and clean-up policy as declared there;
 * {@code team.{teamId}.contacts} expands to the default teams. Creates the missing ones on a broker with
 * replication factor 1 (a local single-node cluster; Strimzi KafkaTopics carry replication 3 in production).
 */
public final class DeclaredTopics {

    /** A declared topic. */
    public record Topic(String name, int partitions, String cleanupPolicy, Long retentionMs) {

        NewTopic toNewTopic() {
            Map<String, String> configs = new HashMap<>();
            configs.put("cleanup.policy", cleanupPolicy);
            if (retentionMs != null) {
                configs.put("retention.ms", retentionMs.toString());
            }
            return new NewTopic(name, partitions, (short) 1).configs(configs);
        }
    }

    private DeclaredTopics() {
    }

    public static List<Topic> fromAsyncApi() {
        try (InputStream in = DeclaredTopics.class.getClassLoader().getResourceAsStream("asyncapi/loket.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi/loket.yaml is not on the classpath (contracts jar)");
            }
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Topic> topics = new ArrayList<>();
            for (Iterator<JsonNode> it = doc.get("channels").elements(); it.hasNext(); ) {
                JsonNode channel = it.next();
                String address = channel.get("address").asText();
                JsonNode loket = channel.path("x-loket");
                int partitions = loket.path("partitions").asInt(1);
                String cleanup = loket.path("cleanupPolicy").asText("delete");
                Long retention = loket.has("retentionMs") ? loket.get("retentionMs").asLong() : null;
                if (address.equals(EventCatalog.TEAM_TOPIC_TEMPLATE)) {
                    for (String team : DefaultTeams.ALL) {
                        topics.add(new Topic(address.replace("{teamId}", team), partitions, cleanup, retention));
                    }
                } else {
                    topics.add(new Topic(address, partitions, cleanup, retention));
                }
            }
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates every declared topic that does not exist yet, as the broker's super user. */
    public static void create(LocalKafka kafka) throws Exception {
        create(kafka.adminClientProperties());
    }

    /** Creates every declared topic that does not exist yet; {@code adminClient}: bootstrap servers and credentials. */
    public static void create(Properties adminClient) throws Exception {
        try (Admin admin = Admin.create(adminClient)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = fromAsyncApi().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(Topic::toNewTopic)
                    .toList();
            admin.createTopics(missing).all().get();
        }
    }
}
