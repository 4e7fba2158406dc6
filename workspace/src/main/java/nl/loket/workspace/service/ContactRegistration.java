package nl.loket.workspace.service;

import nl.loket.contracts.events.Channel;

/** A contact as the agent registers it at the counter or on the phone. The BSN is for intake only. */
public record ContactRegistration(Channel channel, String municipality, String subject, String text, String deskTopic,
        String citizenName, String citizenEmail, String citizenPhone, String bsn) {

    /** Never the citizen's details or BSN. */
    @Override
    public String toString() {
        return "ContactRegistration[channel=" + channel + ", municipality=" + municipality + "]";
    }
}
