package nl.loket.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import nl.loket.contracts.EventCatalog;
import nl.loket.contracts.EventJson;

/**
 * Validates event data against the JSON Schema of its CloudEvents type. Producers' tests use it on every message
 * they publish; consumers may use it to send records that break the contract to their dead-letter topic.
 */
public final class EventSchemaValidator {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private static final EventSchemaValidator INSTANCE = new EventSchemaValidator();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private EventSchemaValidator() {
    }

    public static EventSchemaValidator instance() {
        return INSTANCE;
    }

    /**
     * @return the violations, empty when the data is valid
     * @throws IllegalArgumentException for a type the catalog does not know
     */
    public List<String> validate(String ceType, JsonNode data) {
        EventCatalog.Entry entry = EventCatalog.byType(ceType)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type: " + ceType));
        JsonSchema schema = schemas.computeIfAbsent(entry.type(), type -> load(entry));
        return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public List<String> validate(String ceType, String json) {
        try {
            return validate(ceType, MAPPER.readTree(json));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** Validates a record as it would be serialised. */
    public List<String> validate(Record event) {
        return validate(EventCatalog.typeOf(event.getClass()), MAPPER.valueToTree(event));
    }

    private JsonSchema load(EventCatalog.Entry entry) {
        try (InputStream in = EventSchemaValidator.class.getClassLoader().getResourceAsStream(entry.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("Schema missing from the classpath: " + entry.schemaResource());
            }
            return factory.getSchema(MAPPER.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
