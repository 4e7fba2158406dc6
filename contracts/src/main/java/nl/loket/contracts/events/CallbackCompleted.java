package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A call-back was made. Topic {@code contacts.lifecycle}, key contact id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackCompleted(
        String contactId,
        String callbackId,
        String teamId,
        boolean reached,
        String completedBy,
        Instant completedAt) {

    public static final String TYPE = "nl.loket.callback.completed.v1";
}
