package nl.loket.routing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import nl.loket.contracts.Topics;
import nl.loket.testsupport.KafkaTestResource;

/**
 * Publishes the knowledge fixture on the knowledge topics before the application starts (as knowledge-service
 * would), so that the routing view has something to rebuild from. Once per test JVM.
 */
public class KnowledgeTopicsResource implements QuarkusTestResourceLifecycleManager {

    private static boolean published;

    @Override
    public synchronized Map<String, String> start() {
        String bootstrap = KafkaTestResource.bootstrapServers();
        if (!published) {
            createTopics(List.of(Topics.KNOWLEDGE_TEAMS), 1);
            // partitions as in the AsyncAPI document
            createTopics(List.of(Topics.KNOWLEDGE_PRODUCTS, Topics.KNOWLEDGE_CATEGORIES,
                    Topics.KNOWLEDGE_ARTICLES, Topics.CASES_STATUS), 3);
            createTopics(List.of(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_LIFECYCLE, Topics.CONTACTS_ROUTED,
                    "bench.null.in"), 6);
            publish(bootstrap, KnowledgeFixture.events());
            published = true;
        }
        return Map.of();
    }

    public static void publish(String bootstrap, List<KnowledgeFixture.Event> events) {
        Properties props = nl.loket.testsupport.TopicClient.clientProperties(bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // freshly created topics may not have a leader yet: no idempotence (the fixture is keyed and compacted, a
        // duplicate is harmless), one request in flight, and wait for the leaders first
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String topic : events.stream().map(KnowledgeFixture.Event::topic).distinct().toList()) {
                long deadline = System.currentTimeMillis() + 30_000;
                while (producer.partitionsFor(topic).stream().anyMatch(p -> p.leader() == null || p.leader().id() < 0)
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
            }
            List<Future<RecordMetadata>> sent = events.stream().map(e -> {
                ProducerRecord<String, String> r = new ProducerRecord<>(e.topic(), e.key(), e.json());
                header(r, "ce_specversion", "1.0");
                header(r, "ce_id", UUID.randomUUID().toString());
                header(r, "ce_type", e.type());
                header(r, "ce_source", "urn:loket:knowledge-service");
                header(r, "ce_time", Instant.now().toString());
                header(r, "ce_subject", e.key());
                header(r, "content-type", "application/json");
                return producer.send(r);
            }).toList();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the knowledge fixture", e);
        }
    }

    /** Creates the topics that do not exist yet (a topic created meanwhile is fine). */
    public static void createTopics(List<String> topics, int partitions) {
        Properties props = KafkaTestResource.adminClientProperties();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                            .all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw new IllegalStateException("Could not create " + topic, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void stop() {
        // the broker is shared by the test JVM
    }
}
