package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A contact handed to a team, on that team's own topic {@code team.<teamId>.contacts} (key contact id). It carries
 * only what the team needs: no BSN, nothing of other contacts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactAssigned(
        String contactId,
        String teamId,
        Tier tier,
        int hop,
        String municipality,
        Channel channel,
        Instant receivedAt,
        String subject,
        String text,
        String language,
        CitizenDetails citizen,
        String caseReference,
        String productUri,
        String productName,
        String articleId,
        String categoryId,
        HandlingTerm handlingTerm,
        String reason,
        double confidence,
        String previousTeamId,
        String transferReason,
        String followUpOf,
        Instant routedAt) {

    public static final String TYPE = "nl.loket.contact.assigned.v1";

    /** Without the knowledge article (the optional {@code articleId} came later). */
    public ContactAssigned(String contactId, String teamId, Tier tier, int hop, String municipality, Channel channel,
            Instant receivedAt, String subject, String text, String language, CitizenDetails citizen,
            String caseReference, String productUri, String productName, String categoryId, HandlingTerm handlingTerm,
            String reason, double confidence, String previousTeamId, String transferReason, String followUpOf,
            Instant routedAt) {
        this(contactId, teamId, tier, hop, municipality, channel, receivedAt, subject, text, language, citizen,
                caseReference, productUri, productName, null, categoryId, handlingTerm, reason, confidence,
                previousTeamId, transferReason, followUpOf, routedAt);
    }
}
