package nl.loket.workspace.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** routing-service's preview: the request (the contact's routing-relevant fields, no citizen) and the decision. */
public final class RoutingModels {

    private RoutingModels() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PreviewRequest(String municipality, String channel, String subject, String text, String language,
            String deskTopic) {
    }

    public record Preview(String tier, String teamId, String reason, double confidence, String productUri,
            String productName, String articleId, String categoryId) {
    }
}
