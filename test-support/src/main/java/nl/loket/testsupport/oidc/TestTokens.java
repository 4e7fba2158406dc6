package nl.loket.testsupport.oidc;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256 access tokens from the {@link OidcTestIssuer}, shaped as the platform's provider issues them
 * (README "Sign-in and roles"): audience {@code loket}, roles in {@code realm_access.roles}, the member in
 * {@code preferred_username}, and the claims {@code teams}, {@code municipalities}, {@code org}, {@code adapter_id}.
 * The builder also makes the bad tokens an authorisation matrix needs: expired, from another issuer, for another
 * audience, signed with a stranger's key, or changed after signing.
 *
 * <pre>
 * String agent = TestTokens.as("agent-a").roles("agent").teams("kcc").municipalities("GM0363").sign();
 * String expired = TestTokens.as("agent-a").roles("agent").teams("kcc").expired().sign();
 * </pre>
 */
public final class TestTokens {

    public static final String AUDIENCE = "loket";

    private static final KeyPair STRANGER = OidcTestIssuer.newRsaKeyPair();

    private final String member;
    private final List<String> roles = new ArrayList<>();
    private List<String> teams = List.of();
    private List<String> municipalities = List.of();
    private String organisation;
    private String adapterId;
    private String issuer;
    private String audience = AUDIENCE;
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private boolean strangerKey;

    private TestTokens(String member) {
        this.member = member;
    }

    /** A token for {@code member} (the {@code sub} and {@code preferred_username}). */
    public static TestTokens as(String member) {
        return new TestTokens(member);
    }

    /** A signed-in agent of {@code teams} in municipality GM0363 (Amsterdam), organisation gemeente. */
    public static String agent(String member, String... teams) {
        return as(member).roles("agent").organisation("gemeente").teams(teams).municipalities("GM0363").sign();
    }

    /** A channel adapter's token (client credentials in production): role adapter, {@code adapter_id}. */
    public static String adapter(String adapterId) {
        return as("service-account-" + adapterId).roles("adapter").adapterId(adapterId).sign();
    }

    /**
     * A token spoiled in every way the check must catch, by name: expired, from another issuer, for another audience,
     * changed after signing, signed by a stranger, not a JWT. {@code valid} makes a fresh builder of a token that
     * would otherwise pass, so only the named defect may refuse it.
     */
    public static Map<String, String> spoiled(Supplier<TestTokens> valid) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", valid.get().expired().sign());
        tokens.put("from another issuer", valid.get().wrongIssuer().sign());
        tokens.put("for another audience", valid.get().wrongAudience().sign());
        tokens.put("changed after signing", valid.get().tampered());
        tokens.put("signed by a stranger", valid.get().signedByStranger().sign());
        tokens.put("not a JWT", "not-a-token");
        return tokens;
    }

    public TestTokens roles(String... roles) {
        this.roles.addAll(List.of(roles));
        return this;
    }

    public TestTokens teams(String... teams) {
        this.teams = List.of(teams);
        return this;
    }

    public TestTokens municipalities(String... municipalities) {
        this.municipalities = List.of(municipalities);
        return this;
    }

    public TestTokens organisation(String organisation) {
        this.organisation = organisation;
        return this;
    }

    public TestTokens adapterId(String adapterId) {
        this.adapterId = adapterId;
        return this;
    }

    /** Expired a minute ago (beyond any clock-skew allowance of the check, which is 0 by default). */
    public TestTokens expired() {
        this.expiresAt = Instant.now().minus(Duration.ofMinutes(5));
        return this;
    }

    /** Claims another issuer (signed with the right key). */
    public TestTokens wrongIssuer() {
        this.issuer = "http://127.0.0.1:1/realms/somebody-else";
        return this;
    }

    /** Meant for another application. */
    public TestTokens wrongAudience() {
        this.audience = "another-application";
        return this;
    }

    /** Signed with a key the provider's JWKS does not hold (same key id). */
    public TestTokens signedByStranger() {
        this.strangerKey = true;
        return this;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer != null ? issuer : OidcTestIssuer.issuer())
                .subject(member)
                .claim("preferred_username", member)
                .audience(audience)
                .issuedAt(expiresAt.minus(Duration.ofHours(1)))
                .expiresAt(expiresAt)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)));
        if (!teams.isEmpty()) {
            claims.claim("teams", teams);
        }
        if (!municipalities.isEmpty()) {
            claims.claim("municipalities", municipalities);
        }
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        if (adapterId != null) {
            claims.claim("adapter_id", adapterId);
        }
        PrivateKey key = strangerKey ? STRANGER.getPrivate() : OidcTestIssuer.keys().getPrivate();
        return claims.jws().keyId(OidcTestIssuer.KEY_ID).algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }

    /**
     * A validly signed token whose payload was changed afterwards (the subject swapped for {@code intruder}, roles
     * and teams kept): the signature no longer matches.
     */
    public String tampered() {
        String[] parts = sign().split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + member + "\"", "\"intruder\"");
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + changed + "." + parts[2];
    }

}
