package nl.loket.workspace.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import nl.loket.workspace.client.ChainTeamClient;
import nl.loket.workspace.client.ChainTeamModels.Callback;
import nl.loket.workspace.client.ChainTeamModels.ItemPage;
import nl.loket.workspace.client.DownstreamException;

/** A team's queue and call-backs, as chain-team shows them to the agent. */
@ApplicationScoped
public class QueueService {

    private final ChainTeamClient chainTeam;

    public QueueService(@RestClient ChainTeamClient chainTeam) {
        this.chainTeam = chainTeam;
    }

    public Uni<ItemPage> items(String bearer, String teamId, String status, String channel, String overdue,
            boolean mine, Integer page, Integer size) {
        return chainTeam.items(bearer, teamId, blankToNull(status), blankToNull(channel), blankToNull(overdue),
                mine ? "true" : null, page, size)
                .onFailure().transform(e -> DownstreamException.wrap(DownstreamException.Service.CHAIN_TEAM, e));
    }

    public Uni<List<Callback>> callbacks(String bearer, String teamId, String status) {
        return chainTeam.teamCallbacks(bearer, teamId, blankToNull(status))
                .onFailure().transform(e -> DownstreamException.wrap(DownstreamException.Service.CHAIN_TEAM, e));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
