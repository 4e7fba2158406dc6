package nl.loket.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;

import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventCatalog;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.TopicClient;

/**
 * One scripted day (Monday 2 November 2026, Europe/Amsterdam = UTC+1) of one municipality, with its KPIs worked out
 * by hand in {@link Expected}. Event ids are fixed, so sending the script again is a redelivery.
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

    /** One record to send. */
    public record Sent(String topic, String key, String type, String id, String json) {

        public void send() {
            Map<String, String> headers = Map.of(
                    CloudEventHeaders.SPEC_VERSION, "1.0",
                    CloudEventHeaders.ID, id,
                    CloudEventHeaders.TYPE, type,
                    CloudEventHeaders.SOURCE, "urn:loket:test",
                    CloudEventHeaders.TIME, "2026-11-02T08:00:00Z",
                    CloudEventHeaders.SUBJECT, key,
                    CloudEventHeaders.CONTENT_TYPE, "application/json");
            TopicClient.send(topic, key, json, headers);
        }
    }

    private final String municipality;
    private final String prefix;
    private final List<Sent> events = new ArrayList<>();

    private ScriptedDay(String municipality, String prefix) {
        this.municipality = municipality;
        this.prefix = prefix;
    }

    public static List<Sent> events(String municipality, String prefix) {
        ScriptedDay day = new ScriptedDay(municipality, prefix);
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
        received("c5", Channel.EMAIL, "2026-11-02T12:00:00Z", id("c1"));
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

    private void received(String c, Channel channel, String at, String followUpOf) {
        Instant t = Instant.parse(at);
        add("contacts.received", c, ContactReceived.TYPE, new ContactReceived(id(c), municipality, channel, t, t,
                "Vraag", "Een vraag van een inwoner", "nl", null, null, null, null, null, followUpOf, "test", null));
    }

    private void routed(String c, Channel channel, String receivedAt, int hop, Tier tier, String team) {
        Instant t = Instant.parse(receivedAt);
        add("contacts.routed", c, ContactRouted.TYPE, new ContactRouted(id(c), municipality, channel, t, hop, tier,
                team, "test", 0.9, "test-rule", null, null, null, null, "test-policy", 1, null, t.plusSeconds(1 + hop)));
    }

    private void handled(String c, Channel channel, String team, Tier tier, int hop, String at) {
        add("contacts.lifecycle", c, ContactHandled.TYPE, new ContactHandled(id(c), team, tier, hop, channel,
                Outcome.ANSWERED, "agent", null, false, Instant.parse(at)));
    }

    private void lifecycle(String c, String type, Record event) {
        add("contacts.lifecycle", c, type, event);
    }

    private void add(String topic, String c, String type, Record event) {
        if (!EventCatalog.typeOf(event.getClass()).equals(type)) {
            throw new IllegalArgumentException(type);
        }
        try {
            events.add(new Sent(topic, id(c), type, prefix + "-e" + events.size(),
                    EventJson.mapper().writeValueAsString(event)));
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
