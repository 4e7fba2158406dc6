package nl.loket.intake.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Inzage (AVG art. 15): what this service holds of each of the citizen's contacts. */
@Schema(name = "InzageResponse")
public record InzageResponse(String service, List<Contact> contacts) {

    /** One contact as intake holds it: its stored ContactReceived and the receipt's status; absent fields are not held. */
    @Schema(name = "IntakeInzageContact")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(
            String contactId,
            @Schema(description = "PENDING (not yet on Kafka) or PUBLISHED")
            String status,
            Instant receivedAt,
            Instant acceptedAt,
            String municipality,
            String channel,
            String language,
            String subject,
            String text,
            Citizen citizen,
            String caseReference,
            String productCode,
            String ivrChoice,
            String deskTopic,
            String followUpOf,
            String adapterId,
            String externalReference) {
    }

    @Schema(name = "IntakeInzageCitizen")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citizen(String name, String email, String phone) {
    }
}
