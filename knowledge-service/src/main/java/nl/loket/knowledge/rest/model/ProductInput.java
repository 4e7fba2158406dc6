package nl.loket.knowledge.rest.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product as written by the API. Its API id is the last segment of {@code uri}. */
public record ProductInput(
        @NotBlank @Size(max = 300) @Pattern(regexp = "https?://[^\\s/]+(/[^\\s/]+)*/[A-Za-z0-9_().,\\-]+", message = "must be an http(s) URI ending in a name segment") String uri,
        @NotBlank @Size(max = 300) String name,
        @Pattern(regexp = "aanvraag|melding|verplichting|subsidie", message = "must be aanvraag, melding, verplichting or subsidie") String kind,
        @Size(max = 1000) String legalBasis,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> keywords,
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 64) String teamId,
        @NotNull @Valid HandlingTermInput handlingTerm) {
}
