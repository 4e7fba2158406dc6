package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A team settled a contact. {@code settledDuringContact} is true when a first-line agent settled a live (phone,
 * counter) contact on the spot. Topic {@code contacts.lifecycle}, key contact id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactHandled(
        String contactId,
        String teamId,
        Tier tier,
        int hop,
        Channel channel,
        Outcome outcome,
        String handledBy,
        String organisation,
        boolean settledDuringContact,
        Instant handledAt) {

    public static final String TYPE = "nl.loket.contact.handled.v1";
}
