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
import nl.loket.testsupport.TopicClient;

/** ContactReceived events as intake-service publishes them. */
final class TestContacts {

    static final String CITIZEN_REF = "a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private TestContacts() {
    }

    static ContactReceived contact(String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ContactReceived("c-" + UUID.randomUUID(), "GM0363", Channel.WEB_FORM, now, now, null, text, "nl",
                new CitizenDetails(CITIZEN_REF, "J. de Vries", "j.devries@example.nl", "+31612345678"),
                null, null, null, null, null, "test-adapter", null);
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
