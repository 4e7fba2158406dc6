package nl.loket.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.contracts.events.ContactReceived;

/** The ContactReceived event as a receipt stores it (JSON), so a re-publication sends exactly what was stored. */
@ApplicationScoped
public class ReceiptEvents {

    private final ObjectMapper json;

    public ReceiptEvents(ObjectMapper json) {
        this.json = json;
    }

    String toJson(ContactReceived event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the event", e);
        }
    }

    ContactReceived fromJson(String data) {
        try {
            return json.readValue(data, ContactReceived.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event of a receipt is unreadable", e);
        }
    }
}
