package nl.loket.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One routing decision. Hop 0 is the first decision, each transfer adds one. Topic {@code contacts.routed},
 * key contact id. It carries no personal data (no text, no citizen details, no citizen reference): metrics-service
 * counts from it alone. {@code followUpOf} (optional, since 2026-11) names the contact this one follows up; absent
 * means a first contact. {@code modelVersion} (optional, since 2026-12) names the version of the trained team model
 * consulted for the decision (absent: none was live); {@code rule} says whether the model decided.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactRouted(
        String contactId,
        String municipality,
        Channel channel,
        Instant receivedAt,
        int hop,
        Tier tier,
        String teamId,
        String reason,
        double confidence,
        String rule,
        String productUri,
        String productName,
        String articleId,
        String categoryId,
        String policyName,
        int policyVersion,
        String previousTeamId,
        Instant routedAt,
        String followUpOf,
        Integer modelVersion) {

    public static final String TYPE = "nl.loket.contact.routed.v1";

    /** Without the model version (the optional {@code modelVersion} came later). */
    public ContactRouted(String contactId, String municipality, Channel channel, Instant receivedAt, int hop, Tier tier,
            String teamId, String reason, double confidence, String rule, String productUri, String productName,
            String articleId, String categoryId, String policyName, int policyVersion, String previousTeamId,
            Instant routedAt, String followUpOf) {
        this(contactId, municipality, channel, receivedAt, hop, tier, teamId, reason, confidence, rule, productUri,
                productName, articleId, categoryId, policyName, policyVersion, previousTeamId, routedAt, followUpOf,
                null);
    }
}
