package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A contact accepted by intake-service. Topic {@code contacts.received}, key contact id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactReceived(
        String contactId,
        String municipality,
        Channel channel,
        Instant receivedAt,
        Instant acceptedAt,
        String subject,
        String text,
        String language,
        CitizenDetails citizen,
        String caseReference,
        String productCode,
        String ivrChoice,
        String deskTopic,
        String followUpOf,
        String adapterId,
        String externalReference) {

    public static final String TYPE = "nl.loket.contact.received.v1";

    @JsonIgnore
    public boolean isFirstContact() {
        return followUpOf == null || followUpOf.isBlank();
    }
}
