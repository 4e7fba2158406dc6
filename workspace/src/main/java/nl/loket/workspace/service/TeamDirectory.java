package nl.loket.workspace.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import nl.loket.workspace.client.DownstreamException;
import nl.loket.workspace.client.KnowledgeClient;
import nl.loket.workspace.client.KnowledgeModels.Team;
import nl.loket.workspace.config.WorkspaceConfig;

/**
 * The teams of the knowledge base (id, name, tier), kept for {@code loket.workspace.teams-cache-ttl}: the same for
 * every agent, so one agent's read serves the next (it is read with the asking agent's token).
 */
@ApplicationScoped
public class TeamDirectory {

    public static final String FIRST_LINE = "FIRST_LINE";

    private record Cached(List<Team> teams, Instant until) {
    }

    private final KnowledgeClient knowledge;
    private final WorkspaceConfig config;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public TeamDirectory(@RestClient KnowledgeClient knowledge, WorkspaceConfig config) {
        this.knowledge = knowledge;
        this.config = config;
    }

    public Uni<List<Team>> all(String bearer) {
        Cached cached = cache.get();
        Instant now = Instant.now();
        if (cached != null && now.isBefore(cached.until())) {
            return Uni.createFrom().item(cached.teams());
        }
        return knowledge.teams(bearer)
                .onFailure().transform(e -> DownstreamException.wrap(DownstreamException.Service.KNOWLEDGE, e))
                .invoke(teams -> cache.set(new Cached(List.copyOf(teams), now.plus(config.teamsCacheTtl()))));
    }

    public static Optional<Team> find(List<Team> teams, String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static String nameOf(List<Team> teams, String id) {
        return find(teams, id).map(Team::name).orElse(id);
    }
}
