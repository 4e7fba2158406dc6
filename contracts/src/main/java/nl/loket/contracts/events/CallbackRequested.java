package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A call-back request (terugbelnotitie). Topic {@code contacts.lifecycle}, key contact id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackRequested(
        String contactId,
        String callbackId,
        String teamId,
        String targetTeamId,
        String targetMember,
        Instant dueAt,
        String requestedBy,
        Instant requestedAt) {

    public static final String TYPE = "nl.loket.callback.requested.v1";
}
