package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A team asks to hand a contact on. routing-service decides where it goes (honouring {@code toTeamId} when it
 * names a known team) and publishes it with hop + 1. Topic {@code contacts.lifecycle}, key contact id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactTransferRequested(
        String contactId,
        String fromTeamId,
        String toTeamId,
        int hop,
        String reason,
        String requestedBy,
        Instant requestedAt) {

    public static final String TYPE = "nl.loket.contact.transfer-requested.v1";
}
