package nl.loket.chainteam.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The token the lead's {@code ./loket token <team>} prints (plain JVM, no Quarkus). */
class DevTokenTest {

    @Test
    void devTokenNamesMemberOrganisationAndTeamsAndLastsTwelveHours() throws Exception {
        String token = DevToken.token("agent-1", "gemeente", List.of("kcc", "omgeving"));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo("urn:loket:dev");
        assertThat(claims.get("sub").asText()).isEqualTo("agent-1");
        assertThat(claims.get("upn").asText()).isEqualTo("agent-1");
        assertThat(claims.get("org").asText()).isEqualTo("gemeente");
        assertThat(claims.get("teams")).hasSize(2);
        assertThat(claims.get("teams").get(0).asText()).isEqualTo("kcc");
        long lifetime = claims.get("exp").asLong() - Instant.now().getEpochSecond();
        assertThat(lifetime).isBetween(12 * 3600L - 60, 12 * 3600L + 60);
    }
}
