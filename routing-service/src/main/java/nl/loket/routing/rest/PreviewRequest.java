package nl.loket.routing.rest;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import nl.loket.contracts.events.Channel;

/** The same fields as an intake contact (POST /api/v1/contacts); only text is required for a preview. */
public record PreviewRequest(
        @Pattern(regexp = "^GM[0-9]{4}$", message = "must be a CBS municipality code such as GM0363") String municipality,
        Channel channel,
        Instant receivedAt,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 10000) String text,
        @Size(max = 2) String language,
        @Valid Citizen citizen,
        @Size(max = 100) String caseReference,
        @Size(max = 300) String productCode,
        @Size(max = 100) String ivrChoice,
        @Size(max = 100) String deskTopic,
        @Size(max = 100) String followUpOf,
        @Size(max = 100) String adapterId,
        @Size(max = 200) String externalReference) {

    /** Accepted for symmetry with intake; routing never looks at it. */
    public record Citizen(String bsn, String name, String email, String phone) {
    }
}
