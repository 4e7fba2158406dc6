package nl.loket.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

/** A BSN an operator turns into the citizen reference, to find the citizen's contacts in every service. */
@Schema(name = "CitizenRefRequest")
public record CitizenRefRequest(
        @Schema(description = "Burgerservicenummer; checked with the 11-proef, never stored, logged or echoed", required = true)
        @NotNull @ValidBsn
        String bsn) {
}
