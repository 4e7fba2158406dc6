package nl.loket.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.loket.contracts.events.Channel;

class ContactRequestMapperTest {

    /** The settings ContactIntakeService fingerprints a request with. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder().findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void submissionHasTheCanonicalJsonOfTheRequestSoStoredFingerprintsStillMatch() throws Exception {
        ContactRequest request = new ContactRequest("GM0363", Channel.PHONE, Instant.parse("2025-03-03T09:15:00Z"),
                "Paspoort", "Mijn paspoort is verlopen", "nl",
                new ContactRequest.CitizenRequest("111222333", "A. Jansen", "a@example.nl", "0612345678"), "Z-2025-1",
                "paspoort", "1", "burgerzaken", "c-1", "web-1", "ext-1");

        assertThat(CANONICAL.writeValueAsString(ContactRequestMapper.toSubmission(request)))
                .isEqualTo(CANONICAL.writeValueAsString(request));
    }

    @Test
    void requestWithoutCitizenOrOptionalFieldsMapsToTheSameCanonicalJson() throws Exception {
        ContactRequest request = new ContactRequest("GM0363", Channel.WEB_FORM, null, null, "Vraag", null, null, null,
                null, null, null, null, null, null);

        assertThat(CANONICAL.writeValueAsString(ContactRequestMapper.toSubmission(request)))
                .isEqualTo(CANONICAL.writeValueAsString(request));
    }
}
