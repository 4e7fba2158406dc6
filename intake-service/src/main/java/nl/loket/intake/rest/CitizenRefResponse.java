package nl.loket.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The pseudonymous citizen reference of a BSN. */
@Schema(name = "CitizenRefResponse")
public record CitizenRefResponse(
        @Schema(description = "Keyed HMAC-SHA256 of the BSN: the reference intake puts on contacts.received", pattern = "^[0-9a-f]{64}$")
        String citizenRef) {
}
