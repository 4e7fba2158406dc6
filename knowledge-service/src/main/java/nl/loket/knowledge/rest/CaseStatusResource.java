package nl.loket.knowledge.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.knowledge.rest.model.Views.CaseStatusView;
import nl.loket.knowledge.service.CaseStatusService;
import nl.loket.knowledge.service.KnowledgeMapper;
import nl.loket.kit.http.RunsToEnd;

@RunsToEnd
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Case status (zaakstatus) as reported by the back offices on cases.status")
@RolesAllowed(Roles.AGENT)
public class CaseStatusResource {

    private final CaseStatusService cases;

    public CaseStatusResource(CaseStatusService cases) {
        this.cases = cases;
    }

    @GET
    @Path("{reference}")
    @Operation(summary = "The latest status of a case, or 404")
    public Uni<CaseStatusView> get(@PathParam("reference") String reference) {
        return cases.find(reference)
                .onItem().ifNull().failWith(() -> new NotFoundException("No case " + reference))
                .map(ViewMapper::toView);
    }
}
