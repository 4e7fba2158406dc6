package nl.loket.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.messaging.EventReader;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;

/**
 * How tests get many records into one batch: records sent together (one producer, one partition, one flush, so a
 * waiting consumer reads them in one poll or a few), or events handed to the service together.
 */
public final class Batches {

    /** Receipt of the generated contacts: 09:00 in Amsterdam on the scripted day. */
    private static final Instant RECEIVED_AT = Instant.parse(ScriptedDay.DAY + "T08:00:00Z");

    private Batches() {
    }

    /**
     * {@code n} first contacts by phone, each routed to kcc (first line) and settled there 5 minutes later: every one
     * directly handled and settled the same day. All ContactRouted first, then all ContactHandled.
     */
    public static List<ScriptedDay.Sent> directlyHandled(String municipality, String prefix, int n) {
        List<ScriptedDay.Sent> routed = new ArrayList<>();
        List<ScriptedDay.Sent> handled = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String contact = prefix + "-c" + i;
            routed.add(routed(municipality, contact, prefix + "-r" + i));
            handled.add(sent("chain-team-service", Topics.CONTACTS_LIFECYCLE, contact, ContactHandled.TYPE,
                    prefix + "-h" + i, new ContactHandled(contact, "kcc", Tier.FIRST_LINE, 0, Channel.PHONE,
                            Outcome.ANSWERED, "agent", null, false, RECEIVED_AT.plusSeconds(300))));
        }
        List<ScriptedDay.Sent> all = new ArrayList<>(routed);
        all.addAll(handled);
        return all;
    }

    /** The hop-0 decision of a first contact by phone to kcc (first line). */
    public static ScriptedDay.Sent routed(String municipality, String contact, String eventId) {
        return sent("routing-service", Topics.CONTACTS_ROUTED, contact, ContactRouted.TYPE, eventId,
                new ContactRouted(contact, municipality, Channel.PHONE, RECEIVED_AT, 0, Tier.FIRST_LINE, "kcc", "test",
                        0.9, "test-rule", null, null, null, null, "test-policy", 1, null, RECEIVED_AT.plusSeconds(1),
                        null));
    }

    /**
     * Sends the records with one producer as the broker's super user, each to partition 0 of its topic in list
     * order, and waits for the broker's acknowledgement of all of them.
     */
    public static void sendTogether(List<ScriptedDay.Sent> records) {
        Properties props = TopicClient.clientProperties(KafkaTestResource.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "100");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1024 * 1024));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ScriptedDay.Sent r : records) {
                acks.add(producer.send(new ProducerRecord<>(r.topic(), 0, r.key(), r.json(), new RecordHeaders(headers(r)))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("Could not send the batch", e);
        }
    }

    /** The records as the listener reads them (each must be valid). */
    public static List<ContactEvent> events(List<ScriptedDay.Sent> records) {
        return records.stream()
                .map(r -> EventReader.read(r.topic(), new RecordHeaders(headers(r)), r.json(), Set.of(r.type())))
                .toList();
    }

    private static Header[] headers(ScriptedDay.Sent r) {
        return r.headers().entrySet().stream()
                .map(e -> new RecordHeader(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                .toArray(Header[]::new);
    }

    private static ScriptedDay.Sent sent(String producer, String topic, String key, String type, String id,
            Record event) {
        try {
            return new ScriptedDay.Sent(producer, topic, key, type, id, EventJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
