package nl.loket.workspace.service;

import nl.loket.workspace.client.KnowledgeModels;
import nl.loket.workspace.client.RoutingModels;

/**
 * A registration intake accepted: routing's decision (null when routing could not be asked) with its team's name,
 * the knowledge answer for it, and whether that team is one of the agent's.
 */
public record Registered(String contactId, RoutingModels.Preview decision, String teamName,
        KnowledgeModels.Article answer, boolean ownTeam) {
}
