package nl.loket.knowledge.rest.model;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A knowledge article (vraag-antwoordcombinatie) as written by editors. */
public record ArticleInput(
        @NotBlank @Size(max = 2000) String question,
        @NotBlank @Size(max = 20000) String answer,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> productUris,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> subjects,
        @Size(max = 500) String source,
        LocalDate validFrom,
        LocalDate validUntil) {
}
