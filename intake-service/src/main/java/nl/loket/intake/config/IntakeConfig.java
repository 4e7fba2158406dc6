package nl.loket.intake.config;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "loket.intake")
public interface IntakeConfig {

    /** HMAC key that turns a BSN into the pseudonymous citizen reference. A secret. */
    String citizenRefKey();

    /** How long idempotency keys (and published receipts) are kept. */
    @WithDefault("PT24H")
    Duration idempotencyRetention();

    /** Longest wait for the broker's acknowledgement before the adapter gets 503. */
    @WithDefault("PT5S")
    Duration publishTimeout();

    /** How far in the future receivedAt may lie (adapters' clocks drift). */
    @WithDefault("PT2M")
    Duration clockSkew();

    /** How far in the past receivedAt may lie. */
    @WithDefault("P7D")
    Duration receivedAtMaxAge();

    /** Retry-After on 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * A receipt still PENDING this long after it was accepted is re-published by {@code ReceiptRepublisher}. Keep it
     * well above the publish timeout, so a request still waiting for its acknowledgement is left alone.
     */
    @WithDefault("PT30S")
    Duration republishAfter();

    /** How often the re-publisher looks for PENDING receipts (read by its {@code @Scheduled}). */
    @WithDefault("10s")
    String republishInterval();

    /** Receipts claimed and re-published per round. */
    @WithDefault("100")
    int republishBatchSize();

    /** Which channel adapters may hand in the explicit routing signals. */
    Signals signals();

    /**
     * The explicit signals steer routing straight to a team, so only the adapters whose channel has them may set
     * them (adapter ids as in the token's {@code adapter_id}); another adapter setting one gets 403.
     */
    interface Signals {
        /** Adapters that may set {@code ivrChoice} (the telephony's phone menu). */
        @WithDefault("phone")
        Set<String> ivrChoiceAdapters();

        /** Adapters that may set {@code deskTopic} (the counter desk's topic). */
        @WithDefault("counter")
        Set<String> deskTopicAdapters();
    }
}
