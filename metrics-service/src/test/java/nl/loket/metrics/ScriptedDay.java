package nl.loket.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventCatalog;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;

/**
 * One scripted day (Monday 2 November 2026, Europe/Amsterdam = UTC+1) of one municipality, with its KPIs worked out
 * by hand in {@link Expected}. Event ids are fixed, so sending the script again is a redelivery.
 * {@link #events} are the records metrics-service consumes (contacts.routed, contacts.lifecycle): no ContactReceived,
 * the hop-0 ContactRouted is the receipt. {@link #wholeFlow} is the same day as the services publish it, also with
 * what metrics does not read: intake's ContactReceived (subject, text, citizen details, citizen reference) on
 * contacts.received and routing's ContactAssigned on the team topics. Every record is valid against its JSON Schema.
 *
 * <pre>
 * c1  PHONE        first  kcc(FL) → settled kcc 5 min later                       direct, same day
 * c2  PHONE        first  kcc → transfer → omgeving(CT), settled after 1440 min   transferred
 * c3  WEB_FORM     first  kcc, call-back requested and completed, settled 30 min  not direct (call-back), same day
 * c4  EMAIL        first  kcc, settled 20 min                                     direct, same day
 * c5  EMAIL        follow-up of c1, kcc, settled 10 min                           not a first contact, same day
 * c6  CHAT         first  routed straight to belastingen(CT), settled 60 min      not direct, same day
 * c7  COUNTER      first  kcc, open; call-back past due, not completed            open
 * c8  LETTER       first  23:30 local, burgerzaken(BO), deadline breached, 2880 min
 * c9  SOCIAL_MEDIA 00:30 local on 3 November: not in the day
 * c10 PHONE        first  kcc, settled 480 min later = 00:00 local next day        direct, not same day
 * </pre>
 */
public final class ScriptedDay {

    public static final String DAY = "2026-11-02";
    public static final String NEXT_DAY = "2026-11-03";

    /** One record to send, and the service that publishes it (its KafkaUser of deploy/). */
    public record Sent(String producer, String topic, String key, String type, String id, String json) {

        /** Sends it as the broker's super user. */
        public void send() {
            TopicClient.send(topic, key, json, headers());
        }

        /** Sends it as its producer's KafkaUser, with that user's ACLs, as the service would. */
        public void sendAsProducer() {
            Properties props = KafkaTestResource.clientProperties(producer);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> kafka = new KafkaProducer<>(props, new StringSerializer(),
                    new StringSerializer())) {
                List<Header> recordHeaders = headers().entrySet().stream()
                        .map(e -> (Header) new RecordHeader(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                        .toList();
                kafka.send(new ProducerRecord<>(topic, null, key, json, recordHeaders)).get();
            } catch (Exception e) {
                throw new IllegalStateException(producer + " could not send to " + topic, e);
            }
        }

        /** Its CloudEvents headers (binary mode). */
        public Map<String, String> headers() {
            return Map.of(
                    CloudEventHeaders.SPEC_VERSION, "1.0",
                    CloudEventHeaders.ID, id,
                    CloudEventHeaders.TYPE, type,
                    CloudEventHeaders.SOURCE, "urn:loket:" + producer,
                    CloudEventHeaders.TIME, "2026-11-02T08:00:00Z",
                    CloudEventHeaders.SUBJECT, key,
                    CloudEventHeaders.CONTENT_TYPE, "application/json");
        }
    }

    private static final String INTAKE = "intake-service";
    private static final String ROUTING = "routing-service";
    private static final String CHAIN_TEAM = "chain-team-service";

    private final String municipality;
    private final String prefix;
    private final boolean wholeFlow;
    private final Map<String, String> followUps = new HashMap<>();
    private final List<Sent> events = new ArrayList<>();

    private ScriptedDay(String municipality, String prefix, boolean wholeFlow) {
        this.municipality = municipality;
        this.prefix = prefix;
        this.wholeFlow = wholeFlow;
    }

    /** The records of the day that metrics-service consumes. */
    public static List<Sent> events(String municipality, String prefix) {
        ScriptedDay day = new ScriptedDay(municipality, prefix, false);
        day.script();
        return day.events;
    }

    /**
     * The day as intake, routing and chain-team publish it: {@link #events} plus every ContactReceived and
     * ContactAssigned, each contact's records in the order the services would publish them.
     */
    public static List<Sent> wholeFlow(String municipality, String prefix) {
        ScriptedDay day = new ScriptedDay(municipality, prefix, true);
        day.script();
        return day.events;
    }

    /** The events sent twice each, in a shuffled order (fixed seed). */
    public static List<Sent> replayedTwiceShuffled(String municipality, String prefix, long seed) {
        List<Sent> all = new ArrayList<>(events(municipality, prefix));
        all.addAll(events(municipality, prefix));
        Collections.shuffle(all, new Random(seed));
        return all;
    }

    private void script() {
        // c1: directly handled on the phone
        received("c1", Channel.PHONE, "2026-11-02T08:00:00Z", null);
        routed("c1", Channel.PHONE, "2026-11-02T08:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        handled("c1", Channel.PHONE, "kcc", Tier.FIRST_LINE, 0, "2026-11-02T08:05:00Z");
        // c2: transferred to a chain team, settled the next day
        received("c2", Channel.PHONE, "2026-11-02T09:00:00Z", null);
        routed("c2", Channel.PHONE, "2026-11-02T09:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        lifecycle("c2", ContactTransferRequested.TYPE, new ContactTransferRequested(id("c2"), "kcc", "omgeving", 0,
                "Vraag over eigen aanvraag", "agent-1", Instant.parse("2026-11-02T09:03:00Z")));
        routed("c2", Channel.PHONE, "2026-11-02T09:00:00Z", 1, Tier.CHAIN_TEAM, "omgeving");
        handled("c2", Channel.PHONE, "omgeving", Tier.CHAIN_TEAM, 1, "2026-11-03T09:00:00Z");
        // c3: settled by the first line, but after a call-back
        received("c3", Channel.WEB_FORM, "2026-11-02T10:00:00Z", null);
        routed("c3", Channel.WEB_FORM, "2026-11-02T10:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        lifecycle("c3", CallbackRequested.TYPE, new CallbackRequested(id("c3"), prefix + "-cb3", "kcc", "kcc", null,
                Instant.parse("2026-11-02T16:00:00Z"), "agent-2", Instant.parse("2026-11-02T10:05:00Z")));
        lifecycle("c3", CallbackCompleted.TYPE, new CallbackCompleted(id("c3"), prefix + "-cb3", "kcc", true,
                "agent-2", Instant.parse("2026-11-02T10:25:00Z")));
        handled("c3", Channel.WEB_FORM, "kcc", Tier.FIRST_LINE, 0, "2026-11-02T10:30:00Z");
        // c4: directly handled e-mail
        received("c4", Channel.EMAIL, "2026-11-02T11:00:00Z", null);
        routed("c4", Channel.EMAIL, "2026-11-02T11:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        handled("c4", Channel.EMAIL, "kcc", Tier.FIRST_LINE, 0, "2026-11-02T11:20:00Z");
        // c5: a follow-up: not a first contact
        received("c5", Channel.EMAIL, "2026-11-02T12:00:00Z", "c1");
        routed("c5", Channel.EMAIL, "2026-11-02T12:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        handled("c5", Channel.EMAIL, "kcc", Tier.FIRST_LINE, 0, "2026-11-02T12:10:00Z");
        // c6: routed straight to a chain team
        received("c6", Channel.CHAT, "2026-11-02T13:00:00Z", null);
        routed("c6", Channel.CHAT, "2026-11-02T13:00:00Z", 0, Tier.CHAIN_TEAM, "belastingen");
        handled("c6", Channel.CHAT, "belastingen", Tier.CHAIN_TEAM, 0, "2026-11-02T14:00:00Z");
        // c7: open, with a call-back that is past due
        received("c7", Channel.COUNTER, "2026-11-02T14:00:00Z", null);
        routed("c7", Channel.COUNTER, "2026-11-02T14:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        lifecycle("c7", CallbackRequested.TYPE, new CallbackRequested(id("c7"), prefix + "-cb7", "kcc", "kcc", null,
                Instant.parse("2026-11-03T10:00:00Z"), "agent-3", Instant.parse("2026-11-02T14:10:00Z")));
        // c8: a letter late in the evening, to a back office that lets its deadline pass
        received("c8", Channel.LETTER, "2026-11-02T22:30:00Z", null);
        routed("c8", Channel.LETTER, "2026-11-02T22:30:00Z", 0, Tier.BACK_OFFICE, "burgerzaken");
        lifecycle("c8", DeadlineBreached.TYPE, new DeadlineBreached(id("c8"), "burgerzaken",
                Instant.parse("2026-11-04T12:00:00Z"), Instant.parse("2026-11-04T12:01:00Z")));
        handled("c8", Channel.LETTER, "burgerzaken", Tier.BACK_OFFICE, 0, "2026-11-04T22:30:00Z");
        // c9: 00:30 in Amsterdam on 3 November
        received("c9", Channel.SOCIAL_MEDIA, "2026-11-02T23:30:00Z", null);
        routed("c9", Channel.SOCIAL_MEDIA, "2026-11-02T23:30:00Z", 0, Tier.FIRST_LINE, "kcc");
        handled("c9", Channel.SOCIAL_MEDIA, "kcc", Tier.FIRST_LINE, 0, "2026-11-02T23:40:00Z");
        // c10: directly handled, but just after midnight in Amsterdam
        received("c10", Channel.PHONE, "2026-11-02T15:00:00Z", null);
        routed("c10", Channel.PHONE, "2026-11-02T15:00:00Z", 0, Tier.FIRST_LINE, "kcc");
        handled("c10", Channel.PHONE, "kcc", Tier.FIRST_LINE, 0, "2026-11-02T23:00:00Z");
    }

    private String id(String contact) {
        return prefix + "-" + contact;
    }

    /** Intake accepts the contact (whole flow only; metrics reads no ContactReceived). */
    private void received(String c, Channel channel, String at, String followUpOf) {
        if (followUpOf != null) {
            followUps.put(c, id(followUpOf));
        }
        if (!wholeFlow) {
            return;
        }
        Instant t = Instant.parse(at);
        add(INTAKE, Topics.CONTACTS_RECEIVED, c, ContactReceived.TYPE, new ContactReceived(id(c), municipality, channel,
                t, t, "Vraag over mijn aanslag", "Goedemiddag, ik ben Jan Jansen en mijn aanslag klopt niet. Bel mij "
                        + "terug op 06-12345678.", "nl", citizen(c, "global"), null, null, null, null,
                followUps.get(c), "test", null));
    }

    /** Routing's decision: ContactRouted for metrics, ContactAssigned on the team topic (whole flow). */
    private void routed(String c, Channel channel, String receivedAt, int hop, Tier tier, String team) {
        Instant t = Instant.parse(receivedAt);
        Instant routedAt = t.plusSeconds(1 + hop);
        add(ROUTING, Topics.CONTACTS_ROUTED, c, ContactRouted.TYPE, new ContactRouted(id(c), municipality, channel, t,
                hop, tier, team, "test", 0.9, "test-rule", null, null, null, null, "test-policy", 1, null, routedAt,
                followUps.get(c)));
        if (wholeFlow) {
            add(ROUTING, Topics.teamContacts(team), c, ContactAssigned.TYPE, new ContactAssigned(id(c), team, tier, hop,
                    municipality, channel, t, "Vraag over mijn aanslag", "Goedemiddag, ik ben Jan Jansen en mijn "
                            + "aanslag klopt niet.", "nl", citizen(c, team), null, null, null, null, null, "test", 0.9,
                    null, null, followUps.get(c), routedAt));
        }
    }

    /** The citizen as a recipient sees them: name, e-mail, phone and that recipient's pseudonym. */
    private CitizenDetails citizen(String c, String recipient) {
        return new CitizenDetails(sha256(recipient + "|" + id(c)), "Jan Jansen", "jan.jansen@example.nl",
                "06-12345678");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handled(String c, Channel channel, String team, Tier tier, int hop, String at) {
        add(CHAIN_TEAM, Topics.CONTACTS_LIFECYCLE, c, ContactHandled.TYPE, new ContactHandled(id(c), team, tier, hop, channel,
                Outcome.ANSWERED, "agent", null, false, Instant.parse(at)));
    }

    private void lifecycle(String c, String type, Record event) {
        add(CHAIN_TEAM, Topics.CONTACTS_LIFECYCLE, c, type, event);
    }

    private void add(String producer, String topic, String c, String type, Record event) {
        if (!EventCatalog.typeOf(event.getClass()).equals(type)) {
            throw new IllegalArgumentException(type);
        }
        try {
            String json = EventJson.mapper().writeValueAsString(event);
            List<String> violations = EventSchemaValidator.instance().validate(type, EventJson.mapper().readTree(json));
            if (!violations.isEmpty()) {
                throw new IllegalStateException("The script breaks the contract of " + type + ": " + violations);
            }
            events.add(new Sent(producer, topic, id(c), type, prefix + "-e" + events.size(), json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The KPIs of the day, by hand (see the table above). */
    public static final class Expected {
        public static final int RECEIVED = 9;              // c1–c8, c10
        public static final int FIRST_CONTACTS = 8;        // all but c5
        public static final int DIRECTLY_HANDLED = 3;      // c1, c4, c10
        public static final int SETTLED = 8;               // all but c7
        public static final int DIGITAL = 4;               // c3 web form, c4 + c5 e-mail, c6 chat
        public static final int TRANSFERRED = 1;           // c2
        public static final int CALLBACKS = 2;             // c3, c7
        public static final int OPEN_CALLBACKS_PAST_DUE = 1; // c7
        /** Times to settle, sorted: 5, 10, 20, 30, 60, 480, 1440, 2880 minutes. */
        public static final long MEDIAN_MINUTES = 30;      // rank ceil(0.5 × 8) = 4
        public static final long P90_MINUTES = 2880;       // rank ceil(0.9 × 8) = 8

        private Expected() {
        }
    }
}
