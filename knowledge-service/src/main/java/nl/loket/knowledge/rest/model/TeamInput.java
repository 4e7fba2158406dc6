package nl.loket.knowledge.rest.model;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;

/** A team as written by the API; {@code id} is required on POST and, on PUT, must equal the path id if given. */
public record TeamInput(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") @Size(max = 64) String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull Tier tier,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> organisations,
        @Size(max = 10) List<@NotNull Channel> channels) {
}
