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
import nl.loket.knowledge.rest.model.ProductInput;
import nl.loket.knowledge.rest.model.Views.ProductView;
import nl.loket.knowledge.service.KnowledgeMapper;
import nl.loket.knowledge.service.ProductService;
import nl.loket.knowledge.service.SearchService;
import nl.loket.kit.http.RunsToEnd;

@RunsToEnd
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "UPL products and the team that handles them")
@RolesAllowed({ Roles.AGENT, Roles.EDITOR })
public class ProductResource {

    private final ProductService products;
    private final SearchService search;

    public ProductResource(ProductService products, SearchService search) {
        this.products = products;
        this.search = search;
    }

    @GET
    @Operation(summary = "All products, optionally of one team")
    public Uni<List<ProductView>> list(@QueryParam("teamId") String teamId) {
        return products.list(teamId).map(list -> list.stream().map(ViewMapper::toView).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One product by its id (the last segment of its UPL URI)")
    public Uni<ProductView> get(@PathParam("id") String id) {
        return products.find(id).onItem().ifNull().failWith(() -> notFound(id)).map(ViewMapper::toView);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a product (published on knowledge.products)")
    public Uni<Response> create(@NotNull @Valid ProductInput input) {
        return products.create(InputMapper.toDetails(input))
                .call(p -> search.upsert(KnowledgeMapper.toSearchDoc(p)))
                .map(p -> Response.created(URI.create("/api/v1/products/" + p.id)).entity(ViewMapper.toView(p)).build());
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Replace a product; its URI cannot change (published on knowledge.products)")
    public Uni<ProductView> update(@PathParam("id") String id, @NotNull @Valid ProductInput input) {
        return products.update(id, InputMapper.toDetails(input)).onItem().ifNull().failWith(() -> notFound(id))
                .call(p -> search.upsert(KnowledgeMapper.toSearchDoc(p)))
                .map(ViewMapper::toView);
    }

    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Delete a product (tombstone on knowledge.products)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return products.delete(id).onItem().ifNull().failWith(() -> notFound(id))
                .call(p -> search.delete(KnowledgeMapper.PRODUCT, p.id))
                .map(p -> Response.noContent().build());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No product " + id);
    }
}
