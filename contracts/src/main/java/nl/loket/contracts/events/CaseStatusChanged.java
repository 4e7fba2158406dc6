package nl.loket.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A back office reports the status of a case (zaak), so the first line can answer "where is my permit?".
 * Topic {@code cases.status}, compacted, key case reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStatusChanged(
        String caseReference,
        String municipality,
        String productUri,
        String teamId,
        String status,
        String statusText,
        LocalDate expectedDecisionDate,
        Instant changedAt) {

    public static final String TYPE = "nl.loket.case.status-changed.v1";
}
