package nl.loket.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The citizen an inzage or erasure request is about, by reference. */
@Schema(name = "DataSubjectRequest")
public record DataSubjectRequest(
        @Schema(description = "Citizen reference from POST /api/v1/privacy/citizen-ref", required = true, pattern = "^[0-9a-f]{64}$")
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a citizen reference (64 hexadecimal digits)")
        String citizenRef) {
}
