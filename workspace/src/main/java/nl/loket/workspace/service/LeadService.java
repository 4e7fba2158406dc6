package nl.loket.workspace.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.client.ChainTeamClient;
import nl.loket.workspace.client.DownstreamException;
import nl.loket.workspace.client.DownstreamException.Service;
import nl.loket.workspace.client.KnowledgeModels.Team;
import nl.loket.workspace.client.MetricsClient;
import nl.loket.workspace.config.WorkspaceConfig;

/**
 * The team lead view: the queues of the caller's teams (chain-team's summaries) and, for a metrics viewer, today's
 * direct-handling figures of each of their municipalities (metrics decides which they may see).
 */
@ApplicationScoped
public class LeadService {

    private final ChainTeamClient chainTeam;
    private final MetricsClient metrics;
    private final TeamDirectory teams;
    private final WorkspaceConfig config;

    public LeadService(@RestClient ChainTeamClient chainTeam, @RestClient MetricsClient metrics, TeamDirectory teams,
            WorkspaceConfig config) {
        this.chainTeam = chainTeam;
        this.metrics = metrics;
        this.teams = teams;
        this.config = config;
    }

    public Uni<LeadFigures> lead(Caller caller, String bearer) {
        List<String> own = List.copyOf(new TreeSet<>(caller.teams()));
        Uni<List<Team>> directory = own.isEmpty() ? Uni.createFrom().item(List.<Team>of())
                : teams.all(bearer).onFailure().recoverWithItem(List.of());
        return directory.chain(all -> Uni.combine().all().unis(teamFigures(bearer, own, all),
                municipalityFigures(caller, bearer)).asTuple())
                .map(t -> new LeadFigures(t.getItem1(), t.getItem2()));
    }

    private Uni<List<LeadFigures.Team>> teamFigures(String bearer, List<String> own, List<Team> all) {
        if (own.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<LeadFigures.Team>> figures = own.stream().map(teamId -> chainTeam.summary(bearer, teamId)
                .onFailure().transform(e -> DownstreamException.wrap(Service.CHAIN_TEAM, e))
                .map(s -> new LeadFigures.Team(teamId, TeamDirectory.nameOf(all, teamId), s)))
                .toList();
        return Uni.join().all(figures).andFailFast();
    }

    private Uni<List<LeadFigures.Municipality>> municipalityFigures(Caller caller, String bearer) {
        List<String> municipalities = List.copyOf(new TreeSet<>(caller.municipalities()));
        if (!caller.hasRole(Roles.METRICS_VIEWER) || municipalities.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String today = LocalDate.now(ZoneId.of(config.zone())).toString();
        List<Uni<LeadFigures.Municipality>> figures = municipalities.stream()
                .map(m -> metrics.summary(bearer, m, today, today)
                        .onFailure().transform(e -> DownstreamException.wrap(Service.METRICS, e))
                        .map(s -> new LeadFigures.Municipality(m, s)))
                .toList();
        return Uni.join().all(figures).andFailFast();
    }
}
