package nl.loket.routing.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.routing.KnowledgeFixture;
import nl.loket.routing.KnowledgeTopicsResource;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.eval.RoutingEvaluator;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.service.PolicyRegistry;
import nl.loket.routing.service.RoutingEngine;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Throughput: decisions/s in process, and consume->decide->produce (the real routing path: batch, decision,
 * PostgreSQL, two events per contact) next to a null forwarder (consume->produce) on the same broker, same run.
 * Run with bench/routing-bench.sh.
 */
@Tag("bench")
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class RoutingBenchmarkTest {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 100_000);
    private static final int DECISIONS = Integer.getInteger("bench.decisions", 200_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 5);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = EventJson.mapper();

    @Test
    void benchmark() throws Exception {
        List<String> texts = RoutingEvaluator.read(Path.of("src/test/resources/eval/dev-set.csv")).stream()
                .map(RoutingEvaluator.Row::text).toList();
        StringBuilder out = new StringBuilder();

        // 1. decisions per second, in process (the pure engine on the fixture knowledge)
        KnowledgeSnapshot knowledge = KnowledgeFixture.view().snapshot();
        Policy policy = PolicyRegistry.loadAll().get("chain-specialised-kcc");
        RoutingEngine engine = new RoutingEngine();
        decide(engine, policy, knowledge, texts, 300_000); // until the JIT has compiled the engine
        long start = System.nanoTime();
        decide(engine, policy, knowledge, texts, DECISIONS);
        double perSecond = DECISIONS / ((System.nanoTime() - start) / 1e9);
        out.append(String.format("in-process decisions/s: %.0f (%d decisions, %d distinct texts, %d knowledge items)%n",
                perSecond, DECISIONS, texts.size(), knowledge.products().size() + knowledge.categories().size()
                        + knowledge.articles().size()));

        if (Boolean.getBoolean("bench.routing-only")) {
            // for profiling (perf/JFR) the routing path alone: warm up, then measure it only
            for (int warm = 0; warm < WARM_UP_ROUNDS; warm++) {
                run(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ROUTED, texts, MESSAGES);
            }
            for (int round = 0; round < ROUNDS; round++) {
                out.append(String.format("routing only, round %d: %.0f msg/s%n", round + 1,
                        run(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ROUTED, texts, MESSAGES)));
            }
            System.out.println(out);
            Files.writeString(Path.of("target/routing-bench.txt"), out.toString(), StandardCharsets.UTF_8);
            return;
        }
        KnowledgeTopicsResource.createTopics(List.of("bench.null.in"), 6);
        KnowledgeTopicsResource.createTopics(List.of("bench.null.out", "bench.null.out2"), 3);
        KnowledgeTopicsResource.createTopics(List.of("bench.tx.in"), 6);
        KnowledgeTopicsResource.createTopics(List.of("bench.tx.out", "bench.tx.out2"), 3);
        // 2. warm-up of every path until the JIT has compiled it (measured on this machine: routing reaches its
        //    plateau after ~250,000 records; a cold path runs at half speed), then the measured rounds
        for (int warm = 0; warm < WARM_UP_ROUNDS; warm++) {
            NullForwarder.fanOut = 1 + warm % 2;
            run("bench.null.in", "bench.null.out", texts, MESSAGES);
            run(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ROUTED, texts, MESSAGES);
            TransactionalRouter.decide = false;
            run("bench.tx.in", "bench.tx.out", texts, MESSAGES);
            TransactionalRouter.decide = true;
            run("bench.tx.in", Topics.CONTACTS_ROUTED, texts, MESSAGES);
        }
        // rounds, interleaved, medians: the machine is shared, single runs vary by +-30%
        List<Double> n1 = new ArrayList<>();
        List<Double> n2 = new ArrayList<>();
        List<Double> rr = new ArrayList<>();
        List<Double> t2 = new ArrayList<>();
        List<Double> tr = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            NullForwarder.fanOut = 1;
            n1.add(run("bench.null.in", "bench.null.out", texts, MESSAGES));
            NullForwarder.fanOut = 2;
            n2.add(run("bench.null.in", "bench.null.out", texts, MESSAGES));
            NullForwarder.fanOut = 1;
            rr.add(run(Topics.CONTACTS_RECEIVED, Topics.CONTACTS_ROUTED, texts, MESSAGES));
            TransactionalRouter.decide = false;
            t2.add(run("bench.tx.in", "bench.tx.out", texts, MESSAGES));
            TransactionalRouter.decide = true;
            tr.add(run("bench.tx.in", Topics.CONTACTS_ROUTED, texts, MESSAGES));
            out.append(String.format("round %d: null 1-out %.0f, null 2-out %.0f, routing %.0f, transactional "
                    + "2-out %.0f, transactional routing without its row %.0f msg/s%n", round + 1,
                    n1.get(round), n2.get(round), rr.get(round), t2.get(round), tr.get(round)));
        }
        double null1 = median(n1);
        double null2 = median(n2);
        double routingRate = median(rr);
        out.append("medians:\n");
        out.append(String.format("null forwarder, 1 record out per record in: %.0f msg/s%n", null1));
        out.append(String.format("null forwarder, 2 records out per record in: %.0f msg/s%n", null2));
        out.append(String.format("routing (validate, decide, store in PostgreSQL, ContactRouted + ContactAssigned): "
                + "%.0f msg/s%n", routingRate));
        out.append(String.format("ratio routing / null forwarder with the same output (2 records): %.2f (goal >= 0.70)%n",
                routingRate / null2));
        out.append(String.format("ratio routing / null forwarder with 1 record out: %.2f%n", routingRate / null1));
        double tx2 = median(t2);
        double txRouting = median(tr);
        out.append("weighing Kafka transactions (one consumer, one transaction per batch with its offsets, "
                + "read_committed; no database):\n");
        out.append(String.format("transactional forwarder, 2 records out per record in: %.0f msg/s%n", tx2));
        out.append(String.format("transactional routing without its decision row (read, decide, both events): "
                + "%.0f msg/s%n", txRouting));
        out.append(String.format("ratio transactional routing / null forwarder with the same output (2 records): "
                + "%.2f; / transactional forwarder: %.2f%n", txRouting / null2, txRouting / tx2));
        out.append(String.format("%d messages per run after %d warm-up runs of each path, same broker, same JVM, "
                + "6 input partitions and consumers, batches of <= 1000%n", MESSAGES, WARM_UP_ROUNDS));
        System.out.println("\n==== routing benchmark ====\n" + out + "===========================\n");
        Files.writeString(Path.of("target/routing-bench.txt"), out.toString(), StandardCharsets.UTF_8);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void decide(RoutingEngine engine, Policy policy, KnowledgeSnapshot knowledge, List<String> texts,
            int n) {
        for (int i = 0; i < n; i++) {
            engine.decide(new ContactFacts("b" + i, "GM0363", Channel.EMAIL, Instant.now(), null,
                    texts.get(i % texts.size()), "nl", null, null, null, null, null), policy, knowledge);
        }
    }

    /** Produces n contacts on {@code in}, returns messages/s until n records with the run's keys are on {@code out}. */
    private static double run(String in, String out, List<String> texts, int n) throws Exception {
        String prefix = "bench-" + UUID.randomUUID() + "-";
        List<ProducerRecord<String, String>> records = new ArrayList<>(n);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < n; i++) {
            String id = prefix + i;
            ContactReceived c = new ContactReceived(id, "GM0363", Channel.EMAIL, now, now, null,
                    texts.get(i % texts.size()), "nl", new CitizenDetails(null, "Bench", "bench@example.nl", null),
                    null, null, null, null, null, "bench", null);
            ProducerRecord<String, String> r = new ProducerRecord<>(in, id, JSON.writeValueAsString(c));
            TopicClient.cloudEventHeaders(ContactReceived.TYPE, id)
                    .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            records.add(r);
        }
        try (KafkaConsumer<String, String> counter = consumer(out)) {
            List<TopicPartition> partitions = counter.partitionsFor(out).stream()
                    .map(p -> new TopicPartition(out, p.partition())).toList();
            counter.assign(partitions);
            counter.seekToEnd(partitions);
            partitions.forEach(counter::position);
            long start = System.nanoTime();
            try (KafkaProducer<String, String> producer = producer()) {
                records.forEach(producer::send);
                producer.flush();
            }
            int seen = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (seen < n && Instant.now().isBefore(deadline)) {
                for (var r : counter.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        seen++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // phase marks, so that a profile or vmstat taken alongside can be split by path
            System.out.printf("bench-phase %s %d %d%n", in, Instant.now().minusNanos((long) (seconds * 1e9)).toEpochMilli(),
                    Instant.now().toEpochMilli());
            if (seen < n) {
                throw new AssertionError("only " + seen + " of " + n + " records reached " + out);
            }
            return n / seconds;
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = KafkaTestResource.adminClientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties props = KafkaTestResource.adminClientProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // a record counts once its consumers can see it: after its transaction committed, on the transactional paths
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props);
    }
}
