package nl.loket.routing.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.routing.config.RoutingConfig;

/**
 * A citizen reference per team. intake puts the global {@code citizenRef} (a keyed HMAC of the BSN) on
 * {@code contacts.received}, which only routing reads; each team topic carries the team's own reference instead:
 * {@code teamKey = HMAC-SHA256(secret, "team:" + teamId)}, {@code teamRef = hex(HMAC-SHA256(teamKey, "citizen:" +
 * globalRef))}. A team still sees that two of its contacts come from one citizen, but two teams' references cannot be
 * joined without the secret. Created at start-up, so a missing or short secret stops the service at once.
 */
@ApplicationScoped
@Startup
public class Pseudonyms {

    /** Shortest secret accepted (characters). */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final Map<String, SecretKeySpec> teamKeys = new ConcurrentHashMap<>();

    @Inject
    public Pseudonyms(RoutingConfig config) {
        this(config.pseudonymSecret().orElse(null));
    }

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("loket.routing.pseudonym-secret (LOKET_ROUTING_PSEUDONYM_SECRET) must be set "
                    + "to a secret of at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The team's reference for the citizen with this global reference; null for null. */
    public String teamRef(String teamId, String globalRef) {
        if (globalRef == null || globalRef.isBlank()) {
            return null;
        }
        SecretKeySpec teamKey = teamKeys.computeIfAbsent(teamId,
                id -> new SecretKeySpec(hmac(secret, "team:" + id), ALGORITHM));
        return HexFormat.of().formatHex(hmac(teamKey, "citizen:" + globalRef));
    }

    /** The citizen details as the team may see them: its own reference instead of the global one. */
    public CitizenDetails forTeam(String teamId, CitizenDetails citizen) {
        if (citizen == null || citizen.citizenRef() == null) {
            return citizen;
        }
        return new CitizenDetails(teamRef(teamId, citizen.citizenRef()), citizen.name(), citizen.email(),
                citizen.phone());
    }

    private static byte[] hmac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
