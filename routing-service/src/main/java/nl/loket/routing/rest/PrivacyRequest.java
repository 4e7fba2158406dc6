package nl.loket.routing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A data-subject request: the citizen's global reference (intake's {@code POST /api/v1/privacy/citizen-ref}). */
public record PrivacyRequest(
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$",
                message = "must be the citizen reference: 64 lower-case hexadecimal characters") String citizenRef) {
}
