package nl.loket.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;

/** Every event type of Loket: its CloudEvents type, Java record, JSON Schema and topic. */
public final class EventCatalog {

    /**
     * One event type.
     *
     * @param type   CloudEvents {@code ce_type}
     * @param data   the record that is the event data
     * @param topic  topic it is published on; {@code team.{teamId}.contacts} for team topics
     */
    public record Entry(String type, Class<? extends Record> data, String topic) {

        /** Classpath resource of the event's JSON Schema. */
        public String schemaResource() {
            return "schemas/" + data.getSimpleName() + ".schema.json";
        }
    }

    public static final String TEAM_TOPIC_TEMPLATE = "team.{teamId}.contacts";

    public static final List<Entry> ALL = List.of(
            new Entry(ContactReceived.TYPE, ContactReceived.class, Topics.CONTACTS_RECEIVED),
            new Entry(ContactRouted.TYPE, ContactRouted.class, Topics.CONTACTS_ROUTED),
            new Entry(ContactAssigned.TYPE, ContactAssigned.class, TEAM_TOPIC_TEMPLATE),
            new Entry(ContactHandled.TYPE, ContactHandled.class, Topics.CONTACTS_LIFECYCLE),
            new Entry(ContactTransferRequested.TYPE, ContactTransferRequested.class, Topics.CONTACTS_LIFECYCLE),
            new Entry(CallbackRequested.TYPE, CallbackRequested.class, Topics.CONTACTS_LIFECYCLE),
            new Entry(CallbackCompleted.TYPE, CallbackCompleted.class, Topics.CONTACTS_LIFECYCLE),
            new Entry(DeadlineApproaching.TYPE, DeadlineApproaching.class, Topics.CONTACTS_LIFECYCLE),
            new Entry(DeadlineBreached.TYPE, DeadlineBreached.class, Topics.CONTACTS_LIFECYCLE),
            new Entry(CaseStatusChanged.TYPE, CaseStatusChanged.class, Topics.CASES_STATUS),
            new Entry(TeamChanged.TYPE, TeamChanged.class, Topics.KNOWLEDGE_TEAMS),
            new Entry(ProductChanged.TYPE, ProductChanged.class, Topics.KNOWLEDGE_PRODUCTS),
            new Entry(CategoryChanged.TYPE, CategoryChanged.class, Topics.KNOWLEDGE_CATEGORIES),
            new Entry(ArticleChanged.TYPE, ArticleChanged.class, Topics.KNOWLEDGE_ARTICLES));

    private static final Map<String, Entry> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Entry::data, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<Entry> byType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_TYPE::get);
    }

    public static Entry of(Class<?> data) {
        Entry entry = BY_CLASS.get(data);
        if (entry == null) {
            throw new IllegalArgumentException("Not an event of the catalog: " + data.getName());
        }
        return entry;
    }

    /** The CloudEvents type of an event record, e.g. {@code nl.loket.contact.received.v1}. */
    public static String typeOf(Class<?> data) {
        return of(data).type();
    }
}
