package nl.loket.workspace.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import nl.loket.workspace.client.ChainTeamClient;
import nl.loket.workspace.client.ChainTeamModels.TeamSummary;
import nl.loket.workspace.client.DownstreamException;
import nl.loket.workspace.config.WorkspaceConfig;
import nl.loket.workspace.domain.LiveWindow;
import nl.loket.workspace.domain.TokenExpiry;

/**
 * A team's live queue: chain-team's team summary, asked every {@code loket.workspace.live.poll-interval} with the
 * token the stream was opened with, as an event whenever its version changes (the first at once). The stream ends
 * before that token expires, or when chain-team refuses it; a poll that fails otherwise is skipped. Nothing blocks,
 * and a cancelled stream stops polling.
 */
@ApplicationScoped
public class LiveQueue {

    /** One poll's outcome: a summary, nothing this time, or the end of the stream. */
    private record Poll(TeamSummary summary, boolean end) {
        static final Poll SKIP = new Poll(null, false);
        static final Poll END = new Poll(null, true);
    }

    private final ChainTeamClient chainTeam;
    private final WorkspaceConfig config;

    public LiveQueue(@RestClient ChainTeamClient chainTeam, WorkspaceConfig config) {
        this.chainTeam = chainTeam;
        this.config = config;
    }

    /** The team's summary at once and then at each change of its version, until the window closes. */
    public Multi<TeamSummary> changes(String teamId, String accessToken) {
        String bearer = "Bearer " + accessToken;
        Duration window = LiveWindow.of(Instant.now(), TokenExpiry.of(accessToken), config.live().expiryMargin(),
                config.live().maxDuration());
        AtomicReference<String> lastVersion = new AtomicReference<>();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(config.live().pollInterval())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> poll(bearer, teamId))
                .select().first(p -> !p.end())
                .select().where(p -> p.summary() != null)
                .select().where(p -> !Objects.equals(lastVersion.getAndSet(p.summary().version()), p.summary().version()))
                .map(Poll::summary)
                .select().first(window.isZero() ? Duration.ofMillis(1) : window);
    }

    private Uni<Poll> poll(String bearer, String teamId) {
        return chainTeam.summary(bearer, teamId)
                .map(s -> new Poll(s, false))
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof DownstreamException d && d.status() >= 400 && d.status() < 500) {
                        // the token is no longer accepted, or the team is not the agent's: the browser reconnects
                        Log.debugf("Live queue of %s ends: chain-team answered %d", teamId, d.status());
                        return Poll.END;
                    }
                    Log.debugf("Live queue of %s: poll skipped (%s)", teamId, e.getClass().getSimpleName());
                    return Poll.SKIP;
                });
    }
}
