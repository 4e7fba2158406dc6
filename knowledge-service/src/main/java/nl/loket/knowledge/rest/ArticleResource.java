package nl.loket.knowledge.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import nl.loket.knowledge.rest.model.ArticleInput;
import nl.loket.knowledge.rest.model.Views.ArticleView;
import nl.loket.knowledge.service.ArticleService;
import nl.loket.knowledge.service.KnowledgeMapper;
import nl.loket.knowledge.service.SearchService;
import nl.loket.kit.http.RunsToEnd;

@RunsToEnd
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Knowledge articles (vraag-antwoordcombinaties) kept by editors")
@RolesAllowed({ Roles.AGENT, Roles.EDITOR })
public class ArticleResource {

    private final ArticleService articles;
    private final SearchService search;

    public ArticleResource(ArticleService articles, SearchService search) {
        this.articles = articles;
        this.search = search;
    }

    @GET
    @Operation(summary = "Articles, a page at a time (sorted by question)")
    public Uni<List<ArticleView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return articles.list(page, size).map(list -> list.stream().map(ViewMapper::toView).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One article")
    public Uni<ArticleView> get(@PathParam("id") String id) {
        return articles.find(id).onItem().ifNull().failWith(() -> notFound(id)).map(ViewMapper::toView);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create an article (published on knowledge.articles, searchable at once)")
    public Uni<Response> create(@NotNull @Valid ArticleInput input) {
        return articles.create(InputMapper.toDetails(input))
                .call(search::upsertArticle)
                .map(a -> Response.created(URI.create("/api/v1/articles/" + a.id)).entity(ViewMapper.toView(a)).build());
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Replace an article (published on knowledge.articles)")
    public Uni<ArticleView> update(@PathParam("id") String id, @NotNull @Valid ArticleInput input) {
        return articles.update(id, InputMapper.toDetails(input)).onItem().ifNull().failWith(() -> notFound(id))
                .call(search::upsertArticle)
                .map(ViewMapper::toView);
    }

    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Delete an article (tombstone on knowledge.articles)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return articles.delete(id).onItem().ifNull().failWith(() -> notFound(id))
                .call(a -> search.delete(KnowledgeMapper.ARTICLE, a.id))
                .map(a -> Response.noContent().build());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No article " + id);
    }
}
