package nl.loket.e2e;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import nl.loket.platform.LocalPlatform;
import nl.loket.platform.ServiceSpec;
import nl.loket.testsupport.TopicClient;

/**
 * Looks for strings everywhere the platform keeps data: every record (value and headers) of every topic as a
 * consumer reads it from the earliest offset, and every row of every table of every service's database.
 */
final class CitizenDataScan {

    /** Where a string was found: a topic record or a table row. */
    record Finding(String where, String needle) {
    }

    private final LocalPlatform platform;

    CitizenDataScan(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Every topic of the broker except Kafka's own. */
    List<String> topics() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(platform.kafka().adminClientProperties())) {
            return admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__")).sorted().toList();
        }
    }

    /** The needles found in topic records, read from the earliest offset. */
    List<Finding> inTopics(Collection<String> needles) throws ExecutionException, InterruptedException {
        List<Finding> found = new ArrayList<>();
        for (String topic : topics()) {
            for (TopicClient.ReadRecord r : TopicClient.readAllOn(platform.bootstrapServers(), topic, Duration.ofSeconds(5))) {
                String text = r.value() + " " + r.headers();
                for (String needle : needles) {
                    if (text != null && text.contains(needle)) {
                        found.add(new Finding(topic + "-" + r.partition() + "@" + r.offset(), needle));
                    }
                }
            }
        }
        return found;
    }

    /** The needles found in any row of any table of any service database (each row as its text form). */
    List<Finding> inDatabases(Collection<String> needles) throws SQLException {
        List<Finding> found = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.WITH_DATABASE) {
            String url = platform.postgres().jdbcUrl(service.database().orElseThrow());
            try (Connection c = DriverManager.getConnection(url, platform.postgres().user(), platform.postgres().password());
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select t::text from \"" + table + "\" t")) {
                        while (rs.next()) {
                            String row = rs.getString(1);
                            for (String needle : needles) {
                                if (row.contains(needle)) {
                                    found.add(new Finding(service.database().orElseThrow() + "." + table, needle));
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Lets the given topics' retention pass, as the days of their {@code retention.ms} would: a retention of one
     * second for a moment, until the broker deleted every record written so far (the log start offset reaches the
     * end), then the topic's own retention again. What a consumer reads afterwards is what it would read once the
     * retention of deploy/ has passed.
     */
    void letRetentionPass(Collection<String> topics, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(platform.kafka().adminClientProperties())) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(
                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            alterRetention(admin, topics, "1000");
            try {
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                latest.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
                await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                    Map<TopicPartition, Long> starts = admin.listOffsets(earliest).all().get().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                    return ends.entrySet().stream().allMatch(e -> starts.get(e.getKey()) >= e.getValue());
                });
            } finally {
                alterRetention(admin, topics, null);
            }
        }
    }

    private static void alterRetention(Admin admin, Collection<String> topics, String retentionMs)
            throws ExecutionException, InterruptedException {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
        for (String topic : topics) {
            ConfigEntry entry = new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retentionMs);
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(entry,
                    retentionMs == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET)));
        }
        admin.incrementalAlterConfigs(ops).all().get();
    }
}
