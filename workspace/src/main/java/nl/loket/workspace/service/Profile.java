package nl.loket.workspace.service;

import java.util.List;

import nl.loket.kit.auth.Caller;
import nl.loket.workspace.client.KnowledgeModels;

/** Who is signed in: the caller, their full name, their teams as the knowledge base names them, what they may do. */
public record Profile(Caller caller, String displayName, List<KnowledgeModels.Team> teams, boolean canRegister,
        boolean teamLead) {
}
