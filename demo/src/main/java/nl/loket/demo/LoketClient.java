package nl.loket.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.loket.contracts.EventJson;
import nl.loket.platform.LocalPlatform;
import nl.loket.platform.ServiceSpec;
import nl.loket.platform.keycloak.LocalTokens;

/**
 * The platform's public HTTP APIs, as an adapter, a team member or a dashboard uses them, each with its own access
 * token from the local Keycloak ({@link LocalTokens}): a contact is posted by the channel adapter of its channel
 * (web form, e-mail, phone, counter), team actions by the member, KPIs by a metrics viewer of the municipality, a
 * routing preview by a KCC agent, routing's model training by the operator. Tokens are kept and renewed well before
 * they expire.
 */
public final class LoketClient {

    /** An HTTP answer: status and JSON body (null when empty or not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = EventJson.mapper();
    /** The realm's tokens live an hour; renew well before. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(50);

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final LocalTokens issuer;
    public final String intake;
    public final String chainTeam;
    public final String metrics;
    public final String routing;

    /** A token and when to renew it. */
    private record Token(String value, long renewAtMillis) {
    }

    public LoketClient(LocalTokens issuer, String intake, String routing, String chainTeam, String metrics) {
        this.issuer = issuer;
        this.intake = intake;
        this.routing = routing;
        this.chainTeam = chainTeam;
        this.metrics = metrics;
    }

    /** The local platform's ports (services.tsv and Keycloak's 8180), shifted by {@code portOffset}. */
    public static LoketClient localDefaults(int portOffset) {
        return new LoketClient(LocalTokens.local(portOffset), local("intake-service", portOffset),
                local("routing-service", portOffset), local("chain-team-service", portOffset),
                local("metrics-service", portOffset));
    }

    /** The services and the Keycloak of a running {@link LocalPlatform}, wherever their ports are. */
    public static LoketClient of(LocalPlatform platform) {
        return new LoketClient(new LocalTokens("http://localhost:" + platform.keycloak().port()),
                platform.baseUrl(ServiceSpec.named("intake-service")), platform.baseUrl(ServiceSpec.named("routing-service")),
                platform.baseUrl(ServiceSpec.named("chain-team-service")), platform.baseUrl(ServiceSpec.named("metrics-service")));
    }

    /**
     * The realm's channel adapter that hands in this contact (LocalTokens.ADAPTERS): a desk topic comes from the counter
     * system and an IVR choice from the phone system (only they may set those signals), otherwise the channel's
     * adapter; chat, social media and letters come in through the e-mail gateway.
     */
    public static String adapterOf(ObjectNode contact) {
        if (contact.hasNonNull("deskTopic")) {
            return "counter";
        }
        if (contact.hasNonNull("ivrChoice")) {
            return "phone";
        }
        return switch (contact.path("channel").asText()) {
            case "WEB_FORM" -> "webform";
            case "PHONE" -> "phone";
            case "COUNTER" -> "counter";
            default -> "email";
        };
    }

    private static String local(String service, int portOffset) {
        return "http://localhost:" + (ServiceSpec.named(service).defaultPort() + portOffset);
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    /** Posts a contact as the adapter of its channel; {@code adapterId} is set to that adapter when absent. */
    public Answer submit(ObjectNode contact, String idempotencyKey) {
        String adapter = contact.hasNonNull("adapterId") ? contact.get("adapterId").asText() : adapterOf(contact);
        if (!contact.hasNonNull("adapterId")) {
            contact.put("adapterId", adapter);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + token("adapter:" + adapter, () -> issuer.adapter(adapter)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A channel adapter's access token (client credentials; renewed before it expires). */
    public String adapterToken(String adapter) {
        return token("adapter:" + adapter, () -> issuer.adapter(adapter));
    }

    public Answer teamItems(String team, String member, String query) {
        return send(authorised(HttpRequest.newBuilder(URI.create(chainTeam + "/api/v1/teams/" + team + "/items?" + query)), team, member).GET());
    }

    public Answer teamCallbacks(String team, String member) {
        return send(authorised(HttpRequest.newBuilder(URI.create(chainTeam + "/api/v1/teams/" + team + "/callbacks")), team, member).GET());
    }

    public Answer item(String team, String member, String contactId, String action, JsonNode body) {
        String url = chainTeam + "/api/v1/items/" + contactId + (action == null ? "" : "/" + action);
        HttpRequest.Builder request = authorised(HttpRequest.newBuilder(URI.create(url)), team, member);
        if (body == null && action == null) {
            return send(request.GET());
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.toString())));
    }

    public Answer completeCallback(String team, String member, String callbackId, boolean reached) {
        ObjectNode body = object().put("reached", reached);
        return send(authorised(HttpRequest.newBuilder(URI.create(chainTeam + "/api/v1/callbacks/" + callbackId + "/complete")), team, member)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * The KPI summary as a metrics viewer of exactly the municipality the query names ({@code municipality=…}), or of
     * the demo's municipalities (LocalTokens.DEMO_MUNICIPALITIES) when it names none.
     */
    public Answer summary(String query) {
        List<String> municipalities = Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith("municipality=")).map(p -> p.substring("municipality=".length())).toList();
        List<String> viewerOf = municipalities.isEmpty() ? LocalTokens.DEMO_MUNICIPALITIES : municipalities;
        return send(HttpRequest.newBuilder(URI.create(metrics + "/api/v1/metrics/summary" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token("metrics:" + viewerOf, () -> issuer.metricsViewer(viewerOf)))
                .GET());
    }

    /** A routing preview as a KCC agent. */
    public Answer preview(ObjectNode contact) {
        return send(HttpRequest.newBuilder(URI.create(routing + "/api/v1/routing/preview"))
                .header("Authorization", "Bearer " + token("agent:kcc", () -> issuer.agent("kcc")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(contact.toString())));
    }

    /** Training rounds read everything routing has seen; far longer than a team action. */
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Trains routing's text model as the operator ({@code POST /api/v1/routing/models/train}, {@code {"seed": …}}); the
     * answer is the training report: the candidate's and the live model's accuracy and whether it was promoted.
     */
    public Answer trainModel(long seed) {
        return send(HttpRequest.newBuilder(URI.create(routing + "/api/v1/routing/models/train"))
                .header("Authorization", "Bearer " + token("operator", issuer::operator))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(object().put("seed", seed).toString())), TRAINING_TIMEOUT);
    }

    /** Routing's stored models, newest first ({@code GET /api/v1/routing/models}), as the operator. */
    public Answer models() {
        return send(HttpRequest.newBuilder(URI.create(routing + "/api/v1/routing/models"))
                .header("Authorization", "Bearer " + token("operator", issuer::operator)).GET());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, String team, String member) {
        return request.header("Authorization", "Bearer " + token(team, member)).timeout(Duration.ofSeconds(30));
    }

    /** The access token of {@code member} in {@code team} (an agent, created in the local realm when new). */
    public String token(String team, String member) {
        return token("agent:" + team + "/" + member,
                () -> issuer.agent(member, LocalTokens.DEFAULT_ORGANISATION, List.of(team)));
    }

    private String token(String key, Supplier<String> fetch) {
        Token token = tokens.get(key);
        if (token == null || System.currentTimeMillis() >= token.renewAtMillis()) {
            token = new Token(fetch.get(), System.currentTimeMillis() + RENEW_AFTER.toMillis());
            tokens.put(key, token);
        }
        return token.value();
    }

    private Answer send(HttpRequest.Builder request) {
        return send(request, Duration.ofSeconds(30));
    }

    private Answer send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.body() != null && !response.body().isBlank()) {
                try {
                    body = json.readTree(response.body());
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null);
        }
    }

    public static String join(List<String> parts) {
        return String.join("&", parts);
    }
}
