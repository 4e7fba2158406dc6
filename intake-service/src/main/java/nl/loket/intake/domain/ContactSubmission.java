package nl.loket.intake.domain;

import java.time.Instant;

import nl.loket.contracts.events.Channel;

/**
 * A contact as a channel adapter handed it in, validated: the command intake accepts. Its canonical JSON (names
 * sorted) is the fingerprint of a request, so its property names are those of the API model.
 */
public record ContactSubmission(
        String municipality,
        Channel channel,
        Instant receivedAt,
        String subject,
        String text,
        String language,
        Citizen citizen,
        String caseReference,
        String productCode,
        String ivrChoice,
        String deskTopic,
        String followUpOf,
        String adapterId,
        String externalReference) {

    /** The same contact, handed in by {@code adapter} (the signed-in adapter, when the body names none). */
    public ContactSubmission withAdapterId(String adapter) {
        return new ContactSubmission(municipality, channel, receivedAt, subject, text, language, citizen, caseReference,
                productCode, ivrChoice, deskTopic, followUpOf, adapter, externalReference);
    }

    /** The same contact with another subject and text (the redacted ones). */
    public ContactSubmission withFreeText(String newSubject, String newText) {
        return new ContactSubmission(municipality, channel, receivedAt, newSubject, newText, language, citizen,
                caseReference, productCode, ivrChoice, deskTopic, followUpOf, adapterId, externalReference);
    }

    /** The citizen as the adapter knows them; everything optional. The BSN never leaves intake. */
    public record Citizen(String bsn, String name, String email, String phone) {
    }
}
