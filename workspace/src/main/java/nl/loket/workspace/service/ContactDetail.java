package nl.loket.workspace.service;

import java.util.List;

import nl.loket.workspace.client.ChainTeamModels;
import nl.loket.workspace.client.KnowledgeModels;

/** One contact as the agent works it: chain-team's item, history and call-backs; knowledge's answer and case. */
public record ContactDetail(ChainTeamModels.WorkItem item, List<ChainTeamModels.HistoryEntry> history,
        List<ChainTeamModels.Callback> callbacks, KnowledgeModels.Article answer, KnowledgeModels.CaseStatus caseStatus,
        String teamName) {
}
