package nl.loket.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One real Keycloak (the unpacked distribution, realm file loket-realm.json) and every kind of token the platform
 * hands out: the claims the services rely on (issuer, audience loket, realm roles, teams, municipalities, org,
 * adapter_id), and the workspace's sign-in (authorization-code flow through Keycloak's own login form).
 */
class LocalKeycloakTest {

    static LocalKeycloak keycloak;
    static LocalTokens tokens;

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("loket.repo", "..")).toAbsolutePath().normalize();
        keycloak = LocalKeycloak.start(repo, repo.resolve("local-platform/target/keycloak-test"), freePort(), freePort(), false);
        tokens = keycloak.tokens();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void realmAgentsCarryTheirTeamMunicipalitiesAndOrganisation() {
        JsonNode claims = valid(tokens.agent("kcc"), "agent");
        assertThat(strings(claims.path("teams"))).containsExactly("kcc");
        assertThat(strings(claims.path("municipalities"))).containsExactlyInAnyOrderElementsOf(LocalTokens.DEMO_MUNICIPALITIES);
        assertThat(claims.path("org").asText()).isEqualTo("gemeente");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("agent-kcc");
        assertThat(claims.path("adapter_id").isMissingNode()).isTrue();
    }

    @Test
    void anAgentThatIsNotInTheRealmFileIsCreatedAndUpdatedOnTheFly() {
        JsonNode claims = valid(tokens.agent("Demo-Omgeving-7", "omgevingsdienst", List.of("omgeving", "veiligheid")), "agent");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("demo-omgeving-7");
        assertThat(strings(claims.path("teams"))).containsExactlyInAnyOrder("omgeving", "veiligheid");
        assertThat(claims.path("org").asText()).isEqualTo("omgevingsdienst");

        JsonNode moved = valid(tokens.agent("demo-omgeving-7", "gemeente", List.of("kcc"), List.of("GM0344")), "agent");
        assertThat(strings(moved.path("teams"))).containsExactly("kcc");
        assertThat(strings(moved.path("municipalities"))).containsExactly("GM0344");
        assertThat(moved.path("org").asText()).isEqualTo("gemeente");
    }

    @Test
    void everyChannelAdapterHasItsAdapterIdAndOnlyTheAdapterRole() {
        for (String adapter : LocalTokens.ADAPTERS) {
            JsonNode claims = valid(tokens.adapter(adapter), "adapter");
            assertThat(claims.path("adapter_id").asText()).isEqualTo(adapter);
            assertThat(claims.path("azp").asText()).isEqualTo("adapter-" + adapter);
            assertThat(strings(claims.path("realm_access").path("roles"))).doesNotContain("agent", "editor", "operator");
        }
        assertThatThrownBy(() -> tokens.adapter("fax")).hasMessageContaining("no token for adapter-fax");
    }

    @Test
    void editorOperatorAndMetricsViewers() {
        assertThat(strings(valid(tokens.editor(), "editor").path("realm_access").path("roles"))).doesNotContain("agent");
        assertThat(strings(valid(tokens.operator(), "operator").path("realm_access").path("roles"))).doesNotContain("agent");
        assertThat(strings(valid(tokens.metricsViewer(List.of()), "metrics-viewer").path("municipalities")))
                .containsExactlyInAnyOrderElementsOf(LocalTokens.DEMO_MUNICIPALITIES);
        assertThat(strings(valid(tokens.metricsViewer(List.of("GM0363", "GM0344")), "metrics-viewer").path("municipalities")))
                .containsExactlyInAnyOrder("GM0363", "GM0344");
    }

    @Test
    void anAgentSignsInToTheWorkspaceWithTheCodeFlowOnAnyLocalPort() throws Exception {
        // the workspace's port is 8086 + offset, or any free port in the end-to-end tests
        String redirect = "http://localhost:" + freePort() + "/";
        Map<String, String> tokens = signInToWorkspace("agent-kcc", "agent-kcc-local-secret", redirect);

        JsonNode claims = valid(tokens.get("access_token"), "agent");
        assertThat(claims.path("azp").asText()).isEqualTo(WORKSPACE);
        assertThat(claims.path("preferred_username").asText()).isEqualTo("agent-kcc");
        assertThat(strings(claims.path("teams"))).containsExactly("kcc");
        assertThat(strings(claims.path("municipalities"))).containsExactlyInAnyOrderElementsOf(LocalTokens.DEMO_MUNICIPALITIES);
        assertThat(claims.path("org").asText()).isEqualTo("gemeente");
        assertThat(strings(claims.path("realm_access").path("roles"))).doesNotContain("metrics-viewer");
        // the ID token is the workspace's own (aud = its client id), the access token is for the services (aud loket)
        JsonNode id = LocalTokens.claims(tokens.get("id_token"));
        assertThat(id.path("aud").isArray() ? strings(id.path("aud")) : List.of(id.path("aud").asText())).contains(WORKSPACE);

        // sign out (RP-initiated logout) back to the workspace, also on any local port
        String afterLogout = "http://127.0.0.1:" + freePort() + "/";
        HttpResponse<String> logout = BROWSER.send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                + "/protocol/openid-connect/logout?" + form(Map.of("client_id", WORKSPACE, "id_token_hint", tokens.get("id_token"),
                        "post_logout_redirect_uri", afterLogout)))).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(afterLogout);
    }

    @Test
    void theKccTeamLeadSignsInToTheWorkspaceAsAgentAndMetricsViewer() throws Exception {
        JsonNode claims = valid(signInToWorkspace("teamlead-kcc", "teamlead-kcc-local-secret",
                "http://127.0.0.1:" + freePort() + "/teamleider.html").get("access_token"), "agent");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("metrics-viewer");
        assertThat(strings(claims.path("teams"))).containsExactly("kcc");
        assertThat(strings(claims.path("municipalities"))).containsExactlyInAnyOrderElementsOf(LocalTokens.DEMO_MUNICIPALITIES);
        assertThat(claims.path("org").asText()).isEqualTo("gemeente");
    }

    @Test
    void theWorkspaceClientRedirectsOnlyToThisMachineAndHasNoPasswordGrant() throws Exception {
        HttpResponse<String> elsewhere = BROWSER.send(HttpRequest.newBuilder(authorizationUrl("https://workspace.example/",
                "x")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("redirect_uri");

        HttpResponse<String> password = post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", WORKSPACE, "client_secret", WORKSPACE_SECRET, "username", "agent-kcc", "password", "agent-kcc-local-secret"));
        assertThat(password.statusCode()).isIn(400, 401);
        assertThat(password.body()).doesNotContain("access_token");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> tokens.password("editor", "guess")).hasMessageContaining("no token for editor");
    }

    /** Issuer, audience loket, the role, a lifespan of an hour. */
    static JsonNode valid(String token, String role) {
        JsonNode claims = LocalTokens.claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(keycloak.issuer()).isEqualTo("http://localhost:" + keycloak.port() + "/realms/loket");
        JsonNode aud = claims.path("aud");
        assertThat(aud.isArray() ? strings(aud) : List.of(aud.asText())).contains("loket");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains(role);
        // Keycloak may set iat and exp a second apart across a second's boundary (seen once in CI: 3601)
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isBetween(3600L, 3601L);
        assertThat(claims.path("sub").asText()).isNotBlank();
        return claims;
    }

    // ---- the workspace's sign-in, as a browser does it ----

    static final String WORKSPACE = "workspace";
    /** LOCAL ONLY: the realm file's secret of client workspace. */
    static final String WORKSPACE_SECRET = "workspace-local-secret";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    /**
     * The authorization-code flow of client workspace: Keycloak's login page, the login form posted with the user's
     * password, the redirect back with the code, and the code exchanged (with the client secret) for the tokens.
     */
    static Map<String, String> signInToWorkspace(String username, String password, String redirectUri) throws Exception {
        String state = UUID.randomUUID().toString();
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(authorizationUrl(redirectUri, state)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the login page").isEqualTo(200);
        Matcher formTag = LOGIN_FORM.matcher(page.body());
        assertThat(formTag.find()).as("the login form on " + page.body()).isTrue();
        Matcher action = ACTION.matcher(formTag.group());
        assertThat(action.find()).as(formTag.group()).isTrue();

        // the login session's cookies back, as a browser would (Keycloak marks them Secure, which java.net's cookie
        // manager then keeps to HTTPS; the local Keycloak speaks HTTP)
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> !c.endsWith("=")).collect(Collectors.joining("; "));
        HttpResponse<String> loggedIn = BROWSER.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "credentialId", "")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as("after the login form: " + loggedIn.body()).isEqualTo(302);
        URI back = URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(redirectUri);
        Map<String, String> query = query(back.getRawQuery());
        assertThat(query).containsEntry("state", state).containsKey("code");

        HttpResponse<String> exchanged = post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "code", query.get("code"), "redirect_uri", redirectUri,
                "client_id", WORKSPACE, "client_secret", WORKSPACE_SECRET));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = new com.fasterxml.jackson.databind.ObjectMapper().readTree(exchanged.body());
        return Map.of("access_token", tokens.path("access_token").asText(), "id_token", tokens.path("id_token").asText());
    }

    static URI authorizationUrl(String redirectUri, String state) {
        return URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + form(Map.of("client_id", WORKSPACE,
                "response_type", "code", "scope", "openid", "redirect_uri", redirectUri, "state", state)));
    }

    static HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
