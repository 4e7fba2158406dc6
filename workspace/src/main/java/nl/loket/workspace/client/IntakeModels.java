package nl.loket.workspace.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** intake-service's contact request (as a channel adapter hands it in) and its acceptance. */
public final class IntakeModels {

    private IntakeModels() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactRequest(String municipality, String channel, String subject, String text, String language,
            Citizen citizen, String deskTopic) {

        /** Never logged: the BSN is in it. */
        @Override
        public String toString() {
            return "ContactRequest[channel=" + channel + ", municipality=" + municipality + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citizen(String bsn, String name, String email, String phone) {

        @Override
        public String toString() {
            return "Citizen[…]";
        }
    }

    public record ContactAccepted(String contactId, Instant receivedAt, boolean replayed) {
    }
}
