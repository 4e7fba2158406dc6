package nl.loket.platform.keycloak;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Access tokens of the running local Keycloak (realm {@value LocalKeycloak#REALM}), for the demo, the end-to-end
 * tests and {@code ./loket token}: a password grant through the public client {@value #CLI_CLIENT} for people, client
 * credentials for channel adapters. An agent or metrics viewer that is not in the realm file (any member,
 * organisation, teams or municipalities, as the demo's simulated agents are) is created or updated on the fly
 * through Keycloak's admin REST API (admin token from the master realm's admin-cli). LOCAL ONLY: the passwords and
 * client secrets here are those of the realm file, for this machine.
 *
 * <p>{@code main}: {@code <team>[,team…] [member] [organisation] | adapter <adapterId> | editor
 * | metrics [municipality…] | operator}, options {@code --url http://localhost:8180} or {@code --port-offset N}; prints
 * only the token, on its last line.
 */
public final class LocalTokens {

    public static final String CLI_CLIENT = "loket-cli";
    /** The realm file's channel adapters: client {@code adapter-<id>}, claim {@code adapter_id = <id>}. */
    public static final List<String> ADAPTERS = List.of("webform", "email", "phone", "counter");
    /** The municipalities of the demo (GM0363) and of the KCC simulation (GM9901–GM9904). */
    public static final List<String> DEMO_MUNICIPALITIES = List.of("GM0363", "GM9901", "GM9902", "GM9903", "GM9904");
    public static final String DEFAULT_ORGANISATION = "gemeente";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String adminToken;
    private Instant adminTokenExpires = Instant.MIN;

    /** @param keycloakUrl e.g. {@code http://localhost:8180} */
    public LocalTokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl.replaceAll("/+$", "");
    }

    /** The local platform's Keycloak at port 8180 + offset. */
    public static LocalTokens local(int portOffset) {
        return new LocalTokens("http://localhost:" + (LocalKeycloak.DEFAULT_PORT + portOffset));
    }

    public String issuer() {
        return keycloakUrl + "/realms/" + LocalKeycloak.REALM;
    }

    /** An agent of the teams, for the demo's municipalities; created or updated when needed. */
    public String agent(String member, String organisation, List<String> teams) {
        return agent(member, organisation, teams, DEMO_MUNICIPALITIES);
    }

    public String agent(String member, String organisation, List<String> teams, List<String> municipalities) {
        String username = member.toLowerCase(Locale.ROOT);
        ensureUser(username, "agent", Map.of("teams", teams, "municipalities", municipalities, "org", List.of(organisation)));
        return password(username, passwordOf(username));
    }

    /** The realm file's agent of one team ({@code agent-<team>}). */
    public String agent(String team) {
        return agent("agent-" + team, DEFAULT_ORGANISATION, List.of(team));
    }

    /** A channel adapter's token (client credentials of {@code adapter-<adapterId>}). */
    public String adapter(String adapterId) {
        String client = "adapter-" + adapterId;
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", client + "-local-secret"));
    }

    public String editor() {
        return password("editor", passwordOf("editor"));
    }

    public String operator() {
        return password("operator", passwordOf("operator"));
    }

    /** The realm file's metrics viewer (demo municipalities), or one for exactly these municipalities. */
    public String metricsViewer(List<String> municipalities) {
        if (municipalities == null || municipalities.isEmpty()) {
            return password("metrics-viewer", passwordOf("metrics-viewer"));
        }
        String username = "metrics-viewer-" + municipalities.stream().map(m -> m.toLowerCase(Locale.ROOT))
                .sorted().collect(Collectors.joining("-"));
        ensureUser(username, "metrics-viewer", Map.of("municipalities", municipalities, "org", List.of(DEFAULT_ORGANISATION)));
        return password(username, passwordOf(username));
    }

    /** A password grant through {@value #CLI_CLIENT}. */
    public String password(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password,
                "scope", "openid"));
    }

    /** LOCAL ONLY: the realm file's password convention, {@code <username>-local-secret}. */
    static String passwordOf(String username) {
        return username + "-local-secret";
    }

    private String token(Map<String, String> form) {
        JsonNode answer = post(issuer() + "/protocol/openid-connect/token", form);
        return answer.path("access_token").asText();
    }

    // ---- the admin REST API ----

    private synchronized String adminToken() {
        if (Instant.now().isAfter(adminTokenExpires)) {
            JsonNode answer = post(keycloakUrl + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", LocalKeycloak.adminUser(), "password", LocalKeycloak.adminPassword()));
            adminToken = answer.path("access_token").asText();
            adminTokenExpires = Instant.now().plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 10));
        }
        return adminToken;
    }

    /** Creates the user with the role and attributes, or brings an existing one's attributes and role up to date. */
    private void ensureUser(String username, String role, Map<String, List<String>> attributes) {
        String users = keycloakUrl + "/admin/realms/" + LocalKeycloak.REALM + "/users";
        JsonNode existing = findUser(users, username);
        if (existing == null) {
            ObjectNode user = JSON.createObjectNode()
                    .put("username", username).put("enabled", true).put("emailVerified", true)
                    .put("firstName", username).put("lastName", "(local)").put("email", username + "@loket.local");
            ObjectNode attrs = user.putObject("attributes");
            attributes.forEach((k, v) -> v.forEach(attrs.withArray(k)::add));
            user.putArray("credentials").addObject().put("type", "password").put("value", passwordOf(username)).put("temporary", false);
            HttpResponse<String> created = admin(HttpRequest.newBuilder(URI.create(users))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user.toString())));
            if (created.statusCode() != 201 && created.statusCode() != 409) { // 409: created at the same moment elsewhere
                throw new IllegalStateException("Keycloak: creating user " + username + " answered " + created.statusCode() + " " + created.body());
            }
            existing = findUser(users, username);
            if (existing == null) {
                throw new IllegalStateException("Keycloak: user " + username + " not found after creating it");
            }
        } else if (!sameAttributes(existing.path("attributes"), attributes)) {
            ObjectNode update = (ObjectNode) existing.deepCopy();
            ObjectNode attrs = update.putObject("attributes");
            existing.path("attributes").properties().forEach(e -> attrs.set(e.getKey(), e.getValue()));
            attributes.forEach((k, v) -> {
                ArrayNode values = attrs.putArray(k);
                v.forEach(values::add);
            });
            HttpResponse<String> updated = admin(HttpRequest.newBuilder(URI.create(users + "/" + existing.path("id").asText()))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(update.toString())));
            check(updated, "updating user " + username);
        }
        String id = existing.path("id").asText();
        HttpResponse<String> roles = admin(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm")).GET());
        check(roles, "reading the roles of " + username);
        for (JsonNode r : read(roles.body())) {
            if (r.path("name").asText().equals(role)) {
                return;
            }
        }
        HttpResponse<String> roleRep = admin(HttpRequest.newBuilder(URI.create(
                keycloakUrl + "/admin/realms/" + LocalKeycloak.REALM + "/roles/" + role)).GET());
        check(roleRep, "reading role " + role);
        HttpResponse<String> granted = admin(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleRep.body() + "]")));
        check(granted, "granting " + role + " to " + username);
    }

    private JsonNode findUser(String users, String username) {
        HttpResponse<String> found = admin(HttpRequest.newBuilder(URI.create(users + "?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET());
        check(found, "looking up user " + username);
        JsonNode list = read(found.body());
        return list.isEmpty() ? null : list.get(0);
    }

    private static boolean sameAttributes(JsonNode current, Map<String, List<String>> wanted) {
        for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
            List<String> values = new ArrayList<>();
            current.path(e.getKey()).forEach(v -> values.add(v.asText()));
            if (!new java.util.HashSet<>(values).equals(new java.util.HashSet<>(e.getValue())) || values.size() != e.getValue().size()) {
                return false;
            }
        }
        return true;
    }

    private HttpResponse<String> admin(HttpRequest.Builder request) {
        return send(request.header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30)).build());
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak: " + what + " answered " + response.statusCode() + " " + response.body());
        }
    }

    // ---- HTTP ----

    private JsonNode post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            String who = form.getOrDefault("username", form.get("client_id"));
            throw new IllegalStateException("Keycloak: no token for " + who + " (" + response.statusCode() + " " + response.body() + ")");
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("The local Keycloak at " + keycloakUrl
                    + " does not answer: is the platform running? (./loket up)", e);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloakUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered no JSON: " + json, e);
        }
    }

    /** The claims of a JWT (its payload, not verified). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        return read(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String url = null;
        int offset = 0;
        for (int i = 0; i < rest.size(); ) {
            switch (rest.get(i)) {
                case "--url" -> { url = rest.get(i + 1); rest.subList(i, i + 2).clear(); }
                case "--port-offset" -> { offset = Integer.parseInt(rest.get(i + 1)); rest.subList(i, i + 2).clear(); }
                default -> i++;
            }
        }
        if (rest.isEmpty() || rest.get(0).isBlank()) {
            System.err.println("usage: LocalTokens [--url URL | --port-offset N] <team>[,team…] [member] [organisation]"
                    + " | adapter <adapterId> | editor | metrics [municipality…] | operator");
            System.exit(2);
        }
        LocalTokens tokens = url != null ? new LocalTokens(url) : local(offset);
        try {
            String kind = rest.get(0);
            String token = switch (kind) {
                case "adapter" -> {
                    if (rest.size() < 2) {
                        throw new IllegalArgumentException("adapter needs an adapter id, one of " + ADAPTERS);
                    }
                    yield tokens.adapter(rest.get(1));
                }
                case "editor" -> tokens.editor();
                case "operator" -> tokens.operator();
                case "metrics", "metrics-viewer" -> tokens.metricsViewer(rest.subList(1, rest.size()));
                default -> {
                    List<String> teams = List.of(kind.split(","));
                    String member = rest.size() > 1 ? rest.get(1) : "agent-" + teams.get(0);
                    String organisation = rest.size() > 2 ? rest.get(2) : DEFAULT_ORGANISATION;
                    yield tokens.agent(member, organisation, teams);
                }
            };
            System.out.println(token);
        } catch (RuntimeException e) {
            System.err.println("loket token: " + e.getMessage());
            System.exit(1);
        }
    }
}
