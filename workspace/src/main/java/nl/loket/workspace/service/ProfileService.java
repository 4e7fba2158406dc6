package nl.loket.workspace.service;

import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.client.KnowledgeModels;

/** Who is signed in, as the pages need it: the token's teams with the knowledge base's names and tiers. */
@ApplicationScoped
public class ProfileService {

    private final TeamDirectory teams;

    public ProfileService(TeamDirectory teams) {
        this.teams = teams;
    }

    /**
     * The caller's profile. When the knowledge base does not answer, the teams carry their ids only and
     * {@code canRegister} is false (registration itself checks again).
     */
    public Uni<Profile> me(Caller caller, String displayName, String bearer) {
        return teams.all(bearer)
                .onFailure().recoverWithItem(e -> {
                    Log.debugf("Team names unavailable: %s", e.getClass().getSimpleName());
                    return List.<KnowledgeModels.Team>of();
                })
                .map(all -> new Profile(caller, displayName == null ? caller.name() : displayName,
                        new TreeSet<>(caller.teams()).stream().map(id -> TeamDirectory.find(all, id)
                                .orElse(new KnowledgeModels.Team(id, id, null))).toList(),
                        RegistrationService.firstLine(caller, all),
                        caller.hasRole(Roles.METRICS_VIEWER)));
    }
}
