package nl.loket.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.schema.EventSchemaValidator;

class EventContractsTest {

    private final EventSchemaValidator validator = EventSchemaValidator.instance();
    private final ObjectMapper json = EventJson.mapper();

    @Test
    void everyEventTypeHasAnExample() {
        Set<Class<?>> withExample = new HashSet<>();
        ExampleEvents.all().forEach(event -> withExample.add(event.getClass()));
        assertThat(withExample).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(e -> e.data()).toList());
    }

    @Test
    void everyExampleEventIsValidAgainstItsSchema() {
        for (Record event : ExampleEvents.all()) {
            assertThat(validator.validate(event)).as(event.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() throws Exception {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode schema = readSchema(entry);
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = new TreeSet<>();
            Arrays.stream(entry.data().getRecordComponents()).forEach(c -> components.add(c.getName()));
            assertThat(properties).as(entry.data().getSimpleName()).isEqualTo(components);
            assertThat(schema.get("$id").asText()).endsWith(entry.type());
        }
    }

    @Test
    void missingRequiredFieldWrongEnumAndUnknownFieldAreRejected() {
        ObjectNode received = json.valueToTree(validReceived());
        received.remove("text");
        received.put("channel", "PIGEON");
        received.put("bsn", "111222333");
        List<String> violations = validator.validate(ContactReceived.TYPE, received);
        assertThat(String.join("\n", violations)).contains("text").contains("/channel").contains("bsn");
    }

    @Test
    void notJsonIsAViolationNotAnException() {
        assertThat(validator.validate(ContactReceived.TYPE, "{not json")).singleElement().asString().startsWith("not JSON");
    }

    @Test
    void asyncApiDocumentDeclaresEveryTopicAndEventType() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(resource("asyncapi/loket.yaml"));
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new HashSet<>();
        for (Iterator<JsonNode> it = doc.get("channels").elements(); it.hasNext(); ) {
            addresses.add(it.next().get("address").asText());
        }
        assertThat(addresses).containsAll(Topics.FIXED).containsAll(Topics.DEAD_LETTER)
                .contains(EventCatalog.TEAM_TOPIC_TEMPLATE);
        Set<String> declared = new HashSet<>(Topics.FIXED);
        declared.addAll(Topics.DEAD_LETTER);
        declared.add(EventCatalog.TEAM_TOPIC_TEMPLATE);
        assertThat(declared).as("no undeclared topic in the document").containsAll(addresses);

        Set<String> messageNames = new HashSet<>();
        doc.get("components").get("messages").elements().forEachRemaining(m -> messageNames.add(m.get("name").asText()));
        assertThat(messageNames).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventCatalog.Entry::type).toList());

        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode channel = channelByAddress(doc, entry.topic());
            assertThat(channel).as("channel of " + entry.type()).isNotNull();
            assertThat(channel.get("messages").has(entry.data().getSimpleName())).as(entry.type() + " on " + entry.topic()).isTrue();
            String dlq = channel.get("x-loket").get("deadLetter").asText();
            assertThat(addresses).as("dead-letter topic of " + entry.topic()).contains(dlq);
        }
    }

    @Test
    void teamTopicNamesFollowTheTemplateAndThePattern() {
        for (String team : DefaultTeams.ALL) {
            String topic = Topics.teamContacts(team);
            assertThat(topic).isEqualTo(EventCatalog.TEAM_TOPIC_TEMPLATE.replace("{teamId}", team));
            assertThat(topic).matches(Topics.TEAM_CONTACTS_PATTERN);
        }
        assertThat(Topics.TEAM_CONTACTS_DLQ).doesNotMatch(Topics.TEAM_CONTACTS_PATTERN);
    }

    private static JsonNode channelByAddress(JsonNode doc, String address) {
        for (Iterator<JsonNode> it = doc.get("channels").elements(); it.hasNext(); ) {
            JsonNode channel = it.next();
            if (channel.get("address").asText().equals(address)) {
                return channel;
            }
        }
        return null;
    }

    private JsonNode readSchema(EventCatalog.Entry entry) throws Exception {
        return json.readTree(resource(entry.schemaResource()));
    }

    private static InputStream resource(String name) {
        InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static ContactReceived validReceived() {
        return (ContactReceived) ExampleEvents.all().get(0);
    }
}
