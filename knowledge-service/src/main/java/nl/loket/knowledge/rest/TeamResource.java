package nl.loket.knowledge.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.knowledge.rest.model.TeamInput;
import nl.loket.knowledge.rest.model.Views.TeamView;
import nl.loket.knowledge.service.KnowledgeMapper;
import nl.loket.knowledge.service.TeamService;
import nl.loket.kit.http.RunsToEnd;

@RunsToEnd
@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "The team taxonomy (first line, chain teams, back offices)")
@RolesAllowed({ Roles.AGENT, Roles.EDITOR })
public class TeamResource {

    private final TeamService teams;

    public TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @GET
    @Operation(summary = "All teams with id, name and tier")
    public Uni<List<TeamView>> list() {
        return teams.list().map(list -> list.stream().map(ViewMapper::toView).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One team")
    public Uni<TeamView> get(@PathParam("id") String id) {
        return teams.find(id).onItem().ifNull().failWith(() -> notFound(id)).map(ViewMapper::toView);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a team (published on knowledge.teams)")
    public Uni<Response> create(@NotNull @Valid TeamInput input) {
        return teams.create(InputMapper.toDetails(input)).map(t -> Response.created(URI.create("/api/v1/teams/" + t.id))
                .entity(ViewMapper.toView(t)).build());
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Replace a team (published on knowledge.teams)")
    public Uni<TeamView> update(@PathParam("id") String id, @NotNull @Valid TeamInput input) {
        return teams.update(id, InputMapper.toDetails(input)).onItem().ifNull().failWith(() -> notFound(id))
                .map(ViewMapper::toView);
    }

    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Delete a team that no product or category uses (tombstone on knowledge.teams)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return teams.delete(id).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return Response.noContent().build();
        });
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No team " + id);
    }
}
