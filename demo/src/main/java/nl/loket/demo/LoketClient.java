package nl.loket.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.loket.contracts.EventJson;
import nl.loket.platform.ServiceSpec;

/** The platform's public HTTP APIs, as an adapter, a team member or a dashboard uses them. */
public final class LoketClient {

    /** An HTTP answer: status and JSON body (null when empty or not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = EventJson.mapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Path repo;
    public final String intake;
    public final String chainTeam;
    public final String metrics;
    public final String routing;

    public LoketClient(Path repo, String intake, String routing, String chainTeam, String metrics) {
        this.repo = repo;
        this.intake = intake;
        this.routing = routing;
        this.chainTeam = chainTeam;
        this.metrics = metrics;
    }

    /** The local platform's ports (services.tsv), shifted by {@code portOffset}. */
    public static LoketClient localDefaults(Path repo, int portOffset) {
        return new LoketClient(repo, local("intake-service", portOffset), local("routing-service", portOffset),
                local("chain-team-service", portOffset), local("metrics-service", portOffset));
    }

    private static String local(String service, int portOffset) {
        return "http://localhost:" + (ServiceSpec.named(service).defaultPort() + portOffset);
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    public Answer submit(ObjectNode contact, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/contacts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
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

    public Answer summary(String query) {
        return send(HttpRequest.newBuilder(URI.create(metrics + "/api/v1/metrics/summary" + (query.isEmpty() ? "" : "?" + query))).GET());
    }

    public Answer preview(ObjectNode contact) {
        return send(HttpRequest.newBuilder(URI.create(routing + "/api/v1/routing/preview"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(contact.toString())));
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, String team, String member) {
        return request.header("Authorization", "Bearer " + token(team, member)).timeout(Duration.ofSeconds(30));
    }

    /** A dev token from chain-team-service's DevToken (dev-only key), made once per member. */
    public String token(String team, String member) {
        return tokens.computeIfAbsent(team + "/" + member, key -> {
            Path app = repo.resolve("chain-team-service/target/quarkus-app");
            try {
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", app.resolve("app") + "/*:" + app.resolve("lib/boot") + "/*:" + app.resolve("lib/main") + "/*",
                        "nl.loket.chainteam.tools.DevToken", team, member, "gemeente")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String token = new String(process.getInputStream().readAllBytes()).trim();
                if (process.waitFor() != 0 || token.isEmpty()) {
                    throw new IllegalStateException("DevToken failed for " + key);
                }
                return token;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot run DevToken", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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
