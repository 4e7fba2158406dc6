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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.knowledge.rest.model.CategoryInput;
import nl.loket.knowledge.rest.model.Views.CategoryView;
import nl.loket.knowledge.service.CategoryService;
import nl.loket.knowledge.service.KnowledgeMapper;
import nl.loket.knowledge.service.SearchService;
import nl.loket.kit.http.RunsToEnd;

/** Category ids are {@code main} or {@code main/sub}; both forms are valid paths. */
@RunsToEnd
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "Signalen report categories and the team that handles them")
@RolesAllowed({ Roles.AGENT, Roles.EDITOR })
public class CategoryResource {

    private static final String ID = "{id: [a-z0-9-]+(/[a-z0-9-]+)?}";

    private final CategoryService categories;
    private final SearchService search;

    public CategoryResource(CategoryService categories, SearchService search) {
        this.categories = categories;
        this.search = search;
    }

    @GET
    @Operation(summary = "All categories, optionally of one team")
    public Uni<List<CategoryView>> list(@QueryParam("teamId") String teamId) {
        return categories.list(teamId).map(list -> list.stream().map(ViewMapper::toView).toList());
    }

    @GET
    @Path(ID)
    @Operation(summary = "One category")
    public Uni<CategoryView> get(@PathParam("id") String id) {
        return categories.find(id).onItem().ifNull().failWith(() -> notFound(id)).map(ViewMapper::toView);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a category (published on knowledge.categories)")
    public Uni<Response> create(@NotNull @Valid CategoryInput input) {
        return categories.create(InputMapper.toDetails(input))
                .call(c -> search.upsert(KnowledgeMapper.toSearchDoc(c)))
                .map(c -> Response.created(URI.create("/api/v1/categories/" + c.id)).entity(ViewMapper.toView(c)).build());
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path(ID)
    @Operation(summary = "Replace a category (published on knowledge.categories)")
    public Uni<CategoryView> update(@PathParam("id") String id, @NotNull @Valid CategoryInput input) {
        return categories.update(id, InputMapper.toDetails(input)).onItem().ifNull().failWith(() -> notFound(id))
                .call(c -> search.upsert(KnowledgeMapper.toSearchDoc(c)))
                .map(ViewMapper::toView);
    }

    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path(ID)
    @Operation(summary = "Delete a category without sub categories (tombstone on knowledge.categories)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return categories.delete(id).onItem().ifNull().failWith(() -> notFound(id))
                .call(c -> search.delete(KnowledgeMapper.CATEGORY, c.id))
                .map(c -> Response.noContent().build());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No category " + id);
    }
}
