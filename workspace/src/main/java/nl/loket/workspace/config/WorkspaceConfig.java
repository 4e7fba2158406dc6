package nl.loket.workspace.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the werkplek ({@code loket.workspace.*}). The other services' URLs are the REST clients' own keys. */
@ConfigMapping(prefix = "loket.workspace")
public interface WorkspaceConfig {

    /** The KPI dashboard (metrics-service), linked from the team lead view. */
    @WithDefault("http://localhost:8085/")
    String dashboardUrl();

    /** Time zone of "today" (deadline states, the team lead's figures of the day). */
    @WithDefault("Europe/Amsterdam")
    String zone();

    /** How long the knowledge base's team list is kept before it is asked again. */
    @WithDefault("PT1M")
    Duration teamsCacheTtl();

    Live live();

    interface Live {
        /** How often a live queue stream asks chain-team for the team's summary. */
        @WithDefault("PT2S")
        Duration pollInterval();

        /** A live stream ends this long before the access token it was opened with expires. */
        @WithDefault("PT30S")
        Duration expiryMargin();

        /** A live stream ends after this long at the latest (the browser reconnects with its session's token). */
        @WithDefault("PT15M")
        Duration maxDuration();
    }
}
