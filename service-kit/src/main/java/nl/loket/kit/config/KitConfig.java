package nl.loket.kit.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the service kit ({@code loket.kit.*}). Which parts a service uses is a build-time choice:
 * {@code loket.kit.outbox.enabled}, {@code loket.kit.inbox.enabled}, {@code loket.kit.consumer.enabled} and
 * {@code loket.kit.processing-log.enabled} set to {@code true} in the service's application.properties switch the
 * outbox relay (with its {@code outbox} channel), the inbox retention, the consumer settlement (with its
 * {@code dead-letters} channel) and the processing log (with its operator endpoint) on; absent means off.
 */
@ConfigMapping(prefix = "loket.kit")
public interface KitConfig {

    Outbox outbox();

    Inbox inbox();

    Consumer consumer();

    ProcessingLog processingLog();

    interface Outbox {
        /** Read at build time (the beans exist only when true). */
        @WithDefault("false")
        boolean enabled();

        /** How often the relay looks for unsent rows (also in {@code @Scheduled}, so as a duration string). */
        @WithDefault("1s")
        String pollInterval();

        /** Rows published per relay round; a full round is followed by the next one at once. */
        @WithDefault("200")
        int batchSize();

        /** Longest wait for the broker's acknowledgement of one round. */
        @WithDefault("10s")
        Duration publishTimeout();

        /** Sent rows are kept this long (inspection, replay by hand), then deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        /** Read at build time (the beans exist only when true). */
        @WithDefault("false")
        boolean enabled();

        /**
         * Processed event ids are kept this long. Longer than the consumed topics can still hold an event
         * (retention.ms plus segment.ms), so a replay from the earliest offset is still de-duplicated.
         */
        @WithDefault("P30D")
        Duration retention();

        /** Ids deleted per statement (short transactions beside the consumers'). */
        @WithDefault("10000")
        int purgeBatchSize();
    }

    interface Consumer {
        /** Read at build time (the beans exist only when true). */
        @WithDefault("false")
        boolean enabled();

        /** Tries after the first for a failure that is neither transient nor a broken record. */
        @WithDefault("3")
        int permanentRetries();

        /** Back-off of those tries. */
        @WithDefault("200ms")
        Duration permanentBackoff();

        /** Back-off while a transient failure (database or broker away) lasts: from this… */
        @WithDefault("500ms")
        Duration transientBackoff();

        /** …up to this. */
        @WithDefault("10s")
        Duration transientMaxBackoff();
    }

    interface ProcessingLog {
        /** Read at build time (the log, its operator endpoint and its retention exist only when true). */
        @WithDefault("false")
        boolean enabled();

        /** Entries are kept this long, then deleted. */
        @WithDefault("P365D")
        Duration retention();

        /** Entries deleted per statement. */
        @WithDefault("10000")
        int purgeBatchSize();
    }
}
