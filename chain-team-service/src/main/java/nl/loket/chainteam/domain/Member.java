package nl.loket.chainteam.domain;

import java.util.Set;

/** The team member making a request, from the JWT: member id, organisation and team ids. */
public record Member(String id, String organisation, Set<String> teams) {

    public boolean inTeam(String teamId) {
        return teamId != null && teams.contains(teamId);
    }
}
