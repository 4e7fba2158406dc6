package nl.loket.knowledge.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "loket.knowledge")
public interface KnowledgeConfig {

    /** Load the seed data when the database holds none yet. */
    boolean seedOnStart();

    /** A case status report dated later than now plus this is refused (dead-lettered with the reason). */
    @WithDefault("PT5M")
    Duration caseStatusMaxClockSkew();

    /** How often a stale compound dictionary (new words from edits) triggers a full index rebuild. */
    String dictionaryRefreshInterval();

    /** How often each replica rebuilds its search index from the database (to pick up other replicas' edits). */
    String indexResyncInterval();

    int searchDefaultLimit();

    int searchMaxLimit();
}
