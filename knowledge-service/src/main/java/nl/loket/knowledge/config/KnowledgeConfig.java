package nl.loket.knowledge.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "loket.knowledge")
public interface KnowledgeConfig {

    /** Load the seed data when the database holds none yet. */
    boolean seedOnStart();

    /** How often a stale compound dictionary (new words from edits) triggers a full index rebuild. */
    String dictionaryRefreshInterval();

    /** How often each replica rebuilds its search index from the database (to pick up other replicas' edits). */
    String indexResyncInterval();

    int searchDefaultLimit();

    int searchMaxLimit();
}
