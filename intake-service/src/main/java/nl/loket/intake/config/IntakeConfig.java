package nl.loket.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "loket.intake")
public interface IntakeConfig {

    /** HMAC key that turns a BSN into the pseudonymous citizen reference. A secret. */
    String citizenRefKey();

    /** How long idempotency keys (and receipts) are kept. */
    @WithDefault("PT24H")
    Duration idempotencyRetention();

    /** Longest wait for the broker's acknowledgement before the adapter gets 503. */
    @WithDefault("PT5S")
    Duration publishTimeout();

    /** How far in the future receivedAt may lie (adapters' clocks drift). */
    @WithDefault("PT2M")
    Duration clockSkew();

    /** Retry-After on 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();
}
