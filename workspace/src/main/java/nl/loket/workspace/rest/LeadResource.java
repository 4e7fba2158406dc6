package nl.loket.workspace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Lead;
import nl.loket.workspace.service.LeadService;

/** The team lead view: queue figures of the caller's teams; today's municipality figures for a metrics viewer. */
@Path("/api/lead")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class LeadResource {

    private final LeadService leads;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public LeadResource(LeadService leads, ApiMapper mapper, SignedIn signedIn) {
        this.leads = leads;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @GET
    public Uni<Lead> lead() {
        return leads.lead(signedIn.caller(), signedIn.bearer()).map(mapper::toApi);
    }
}
