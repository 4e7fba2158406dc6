package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An open work item passed its due time; emitted once per item. Topic {@code contacts.lifecycle}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadlineBreached(String contactId, String teamId, Instant dueAt, Instant detectedAt) {

    public static final String TYPE = "nl.loket.deadline.breached.v1";
}
