package nl.loket.knowledge.rest.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A report category; {@code id} is {@code main} or {@code main/sub}, the parent of a sub category must exist. */
public record CategoryInput(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?", message = "must be 'main' or 'main/sub' in lower-case slugs") @Size(max = 200) String id,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 4000) String description,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> keywords,
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 64) String teamId,
        @NotNull @Valid HandlingTermInput handlingTerm) {
}
