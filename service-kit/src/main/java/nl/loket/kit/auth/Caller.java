package nl.loket.kit.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Who calls, as the verified access token says: the member (principal name), organisation, teams, municipalities
 * and, for a channel adapter, its adapter id. Built by {@link Callers}; services take it as a domain value.
 */
public record Caller(String name, String organisation, Set<String> teams, Set<String> municipalities,
        Optional<String> adapterId, Set<String> roles) {

    public Caller {
        teams = Set.copyOf(teams);
        municipalities = Set.copyOf(municipalities);
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(String team) {
        return teams.contains(team);
    }

    public boolean worksFor(String municipality) {
        return municipalities.contains(municipality);
    }
}
