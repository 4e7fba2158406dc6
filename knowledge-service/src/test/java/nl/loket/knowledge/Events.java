package nl.loket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.testsupport.TopicClient.ReadRecord;

/** Checks every record this service produces: CloudEvents headers, key = subject, data valid against its schema. */
public final class Events {

    private Events() {
    }

    public static void assertProducedByUs(ReadRecord r) {
        assertThat(r.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(r.header(CloudEventHeaders.ID)).isNotBlank();
        assertThat(r.header(CloudEventHeaders.TYPE)).startsWith("nl.loket.knowledge.");
        assertThat(r.header(CloudEventHeaders.SOURCE)).isEqualTo("urn:loket:knowledge-service");
        assertThat(r.header(CloudEventHeaders.TIME)).isNotBlank();
        assertThat(r.header(CloudEventHeaders.SUBJECT)).isEqualTo(r.key());
        assertThat(r.key()).isNotBlank();
        if (r.value() != null) {
            assertThat(EventSchemaValidator.instance().validate(r.header(CloudEventHeaders.TYPE), r.value()))
                    .as("schema violations of %s on %s", r.key(), r.topic()).isEmpty();
        }
    }
}
