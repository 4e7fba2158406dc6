package nl.loket.routing.domain;

import java.time.Instant;
import java.util.List;

import nl.loket.contracts.events.Channel;

/**
 * What routing holds about one contact of a citizen (for a data-subject request): the contact as received (its
 * personal fields null once erased), every decision, and each team's own citizen reference.
 */
public record CitizenContact(
        String contactId,
        String municipality,
        Channel channel,
        Instant receivedAt,
        String language,
        String subject,
        String text,
        String caseReference,
        String followUpOf,
        String citizenName,
        String citizenEmail,
        String citizenPhone,
        Instant personalDataErasedAt,
        List<Decision> decisions,
        List<TeamReference> teams) {

    /** One decision: hop 0 first, one more per transfer. */
    public record Decision(int hop, String teamId, String tier, String reason, Instant routedAt, String previousTeamId,
            String transferReason) {
    }

    /** The reference under which a team knows the citizen (on its topic {@code team.<teamId>.contacts}). */
    public record TeamReference(String teamId, String citizenRef) {
    }
}
