package nl.loket.workspace.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code exp} of a JWT access token, read without checking it: only to time the end of a live stream. The token
 * was checked when the request came in (bearer) or when the session was made (code flow).
 */
public final class TokenExpiry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenExpiry() {
    }

    /** Empty for an opaque token or one without {@code exp}. */
    public static Optional<Instant> of(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = claims.get("exp");
            return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
