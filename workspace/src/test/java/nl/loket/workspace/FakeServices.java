package nl.loket.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * Plays the other Loket services' HTTP answers for the werkplek's tests (intake, routing, knowledge, chain-team,
 * metrics, and the provider's token endpoint for the adapters' client credentials): a small Vert.x server on a free
 * loopback port with JSON fixtures per {@code METHOD path}, recording every request it gets (with its Authorization
 * header). The token check of the werkplek itself is the real one (test-support's OpenID provider).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** One request as a service behind the werkplek received it. */
    public record Received(String method, String path, String query, String authorization, String idempotencyKey,
            String body) {
    }

    /** A fixture answer; status 0 closes the connection without answering (an unreachable service). */
    public record Answer(int status, String body) {
    }

    public static final String COUNTER_SECRET = "adapter-counter-local-secret";
    public static final String PHONE_SECRET = "adapter-phone-local-secret";

    private static final Map<String, Function<Received, Answer>> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
                Received received = new Received(request.method().name(), request.path(), request.query(),
                        request.getHeader("Authorization"), request.getHeader("Idempotency-Key"), buffer.toString());
                RECEIVED.add(received);
                Function<Received, Answer> answer = ANSWERS.get(received.method() + " " + received.path());
                Answer a = answer == null
                        ? new Answer(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no fixture\"}")
                        : answer.apply(received);
                if (a.status() == 0) {
                    request.connection().close();
                    return;
                }
                request.response().setStatusCode(a.status())
                        .putHeader("Content-Type", a.status() >= 400 ? "application/problem+json" : "application/json")
                        .end(a.body() == null ? "" : a.body());
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the stand-in services", e);
        }
        reset();
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.ofEntries(
                Map.entry("quarkus.rest-client.intake.url", base),
                Map.entry("quarkus.rest-client.routing.url", base),
                Map.entry("quarkus.rest-client.knowledge.url", base),
                Map.entry("quarkus.rest-client.chain-team.url", base),
                Map.entry("quarkus.rest-client.metrics.url", base),
                Map.entry("quarkus.oidc-client.counter.discovery-enabled", "false"),
                Map.entry("quarkus.oidc-client.counter.token-path", base + "/token/counter"),
                Map.entry("quarkus.oidc-client.phone.discovery-enabled", "false"),
                Map.entry("quarkus.oidc-client.phone.token-path", base + "/token/phone"));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Back to the default fixtures (the knowledge base's teams, the adapters' token endpoint), nothing received. */
    public static void reset() {
        ANSWERS.clear();
        RECEIVED.clear();
        answer("GET", "/api/v1/teams", 200, """
                [{"id":"kcc","name":"Klant Contact Centrum","tier":"FIRST_LINE"},
                 {"id":"belastingen","name":"Belastingen","tier":"CHAIN_TEAM"},
                 {"id":"omgeving","name":"Omgevingsloket","tier":"CHAIN_TEAM"}]""");
        ANSWERS.put("POST /token/counter", r -> token(r, "adapter-counter", COUNTER_SECRET, "counter"));
        ANSWERS.put("POST /token/phone", r -> token(r, "adapter-phone", PHONE_SECRET, "phone"));
    }

    public static void answer(String method, String path, int status, String body) {
        ANSWERS.put(method + " " + path, r -> new Answer(status, body));
    }

    public static void answer(String method, String path, Function<Received, Answer> answer) {
        ANSWERS.put(method + " " + path, answer);
    }

    /** Every request received, in order (the adapters' token endpoint included). */
    public static List<Received> all() {
        return List.copyOf(RECEIVED);
    }

    /** Every request received on {@code METHOD path}, in order. */
    public static List<Received> received(String method, String path) {
        return RECEIVED.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** The client-credentials grant of an adapter client: its secret (basic or form) buys its token. */
    private static Answer token(Received r, String clientId, String secret, String adapterId) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        boolean authenticated = basic.equals(r.authorization())
                || (r.body().contains("client_id=" + clientId) && r.body().contains("client_secret=" + secret));
        if (!authenticated || !r.body().contains("grant_type=client_credentials")) {
            return new Answer(401, "{\"error\":\"invalid_client\"}");
        }
        return new Answer(200, "{\"access_token\":\"" + TestTokens.adapter(adapterId)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }
}
