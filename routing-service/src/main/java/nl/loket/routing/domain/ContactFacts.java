package nl.loket.routing.domain;

import java.time.Instant;

import nl.loket.contracts.events.Channel;

/** What routing looks at in a contact (from ContactReceived or a preview request). Never the BSN. */
public record ContactFacts(
        String contactId,
        String municipality,
        Channel channel,
        Instant receivedAt,
        String subject,
        String text,
        String language,
        String caseReference,
        String productCode,
        String ivrChoice,
        String deskTopic,
        String followUpOf) {

    public String fullText() {
        return subject == null || subject.isBlank() ? text : subject + ". " + text;
    }
}
