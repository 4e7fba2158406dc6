package nl.loket.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.loket.intake.config.IntakeConfig;

/**
 * Keyed HMAC-SHA256: turns a BSN into a stable pseudonymous citizen reference that cannot be reversed without the
 * key, and fingerprints request bodies for the idempotency check. Each use has its own domain prefix.
 */
@ApplicationScoped
public class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    public Pseudonymizer(IntakeConfig config) {
        this(config.citizenRefKey());
    }

    Pseudonymizer(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("loket.intake.citizen-ref-key must be set to a secret of at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String citizenRef(String bsn) {
        return hmac("citizen:" + bsn);
    }

    public String fingerprint(String canonicalBody) {
        return hmac("request:" + canonicalBody);
    }

    private String hmac(String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
