package nl.loket.knowledge.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "loket.knowledge")
public interface KnowledgeConfig {

    /** Load the seed data when the database holds none yet. */
    boolean seedOnStart();

    /** How often the outbox relay looks for unsent rows (scheduler syntax, e.g. {@code 1s}; at least one second). */
    String relayInterval();

    /** How many outbox rows the relay publishes per round. */
    int relayBatchSize();

    /** Longest wait for the broker's acknowledgement of one relay batch. */
    Duration publishTimeout();

    /** How long sent outbox rows are kept. */
    Duration outboxRetention();

    /** How often a stale compound dictionary (new words from edits) triggers a full index rebuild. */
    String dictionaryRefreshInterval();

    /** How often each replica rebuilds its search index from the database (to pick up other replicas' edits). */
    String indexResyncInterval();

    int searchDefaultLimit();

    int searchMaxLimit();
}
