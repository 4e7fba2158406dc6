package nl.loket.knowledge.rest.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import nl.loket.contracts.events.TermUnit;

public record HandlingTermInput(@NotNull @Min(0) @Max(365) Integer days, @NotNull TermUnit unit) {
}
