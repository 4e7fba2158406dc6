package nl.loket.routing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.testsupport.TopicClient;

/** ContactReceived events as intake-service publishes them. */
final class TestContacts {

    static final String CITIZEN_REF = "a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private TestContacts() {
    }

    static ContactReceived contact(String text) {
        return contact(null, text, CITIZEN_REF, null, Instant.now());
    }

    /**
     * A contact of the citizen with this global reference, received at that time, with a subject or not, following
     * up another contact or not.
     */
    static ContactReceived contact(String subject, String text, String citizenRef, String followUpOf,
            Instant receivedAt) {
        Instant received = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        return new ContactReceived("c-" + UUID.randomUUID(), "GM0363", Channel.WEB_FORM, received, received, subject,
                text, "nl", new CitizenDetails(citizenRef, "J. de Vries", "j.devries@example.nl", "+31612345678"),
                null, null, null, null, followUpOf, "test-adapter", null);
    }

    /** A fresh global citizen reference (as intake derives them: 64 hex characters). */
    static String newCitizenRef() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    static void transfer(String contactId, String fromTeamId, String toTeamId, int hop, String reason) {
        ContactTransferRequested transfer = new ContactTransferRequested(contactId, fromTeamId, toTeamId, hop, reason,
                "agent-17", Instant.now());
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, contactId, json(transfer),
                TopicClient.cloudEventHeaders(ContactTransferRequested.TYPE, contactId));
    }

    static void send(ContactReceived contact) {
        TopicClient.send(Topics.CONTACTS_RECEIVED, contact.contactId(), json(contact),
                TopicClient.cloudEventHeaders(ContactReceived.TYPE, contact.contactId()));
    }

    static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
