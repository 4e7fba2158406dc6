package nl.loket.workspace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Me;
import nl.loket.workspace.service.ProfileService;

/** Who is signed in: name, teams (with names and tiers), municipalities, roles, what the pages may offer. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class MeResource {

    private final ProfileService profiles;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public MeResource(ProfileService profiles, ApiMapper mapper, SignedIn signedIn) {
        this.profiles = profiles;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @GET
    public Uni<Me> me() {
        return profiles.me(signedIn.caller(), signedIn.displayName(), signedIn.bearer()).map(mapper::toApi);
    }
}
