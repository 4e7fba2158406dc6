package nl.loket.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One real Keycloak (the unpacked distribution, realm file loket-realm.json) and every kind of token the platform
 * hands out: the claims the services rely on (issuer, audience loket, realm roles, teams, municipalities, org,
 * adapter_id).
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
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
        assertThat(claims.path("sub").asText()).isNotBlank();
        return claims;
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
