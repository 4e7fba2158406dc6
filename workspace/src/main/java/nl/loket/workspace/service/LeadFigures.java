package nl.loket.workspace.service;

import java.util.List;

import nl.loket.workspace.client.ChainTeamModels;
import nl.loket.workspace.client.MetricsModels;

/** The team lead's figures: the queues of their teams, today's KPIs of their municipalities. */
public record LeadFigures(List<Team> teams, List<Municipality> municipalities) {

    public record Team(String teamId, String name, ChainTeamModels.TeamSummary summary) {
    }

    public record Municipality(String municipality, MetricsModels.KpiSummary summary) {
    }
}
