package nl.loket.workspace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Article;
import nl.loket.workspace.rest.ApiModels.SearchResult;
import nl.loket.workspace.service.ItemService;

/** The knowledge base beside the contact: search and one article. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class KnowledgeResource {

    private final ItemService items;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public KnowledgeResource(ItemService items, ApiMapper mapper, SignedIn signedIn) {
        this.items = items;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @GET
    @Path("/knowledge/search")
    public Uni<SearchResult> search(@QueryParam("q") @NotBlank @Size(max = 500) String q) {
        return items.search(signedIn.bearer(), q).map(mapper::toApi);
    }

    @GET
    @Path("/articles/{id}")
    public Uni<Article> article(@PathParam("id") String id) {
        return items.article(signedIn.bearer(), id).map(mapper::toApi);
    }
}
