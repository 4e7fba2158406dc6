package nl.loket.workspace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Callback;
import nl.loket.workspace.rest.ApiModels.CallbackRequest;
import nl.loket.workspace.rest.ApiModels.ItemDetail;
import nl.loket.workspace.rest.ApiModels.ResolveRequest;
import nl.loket.workspace.rest.ApiModels.TransferRequest;
import nl.loket.workspace.rest.ApiModels.WorkItem;
import nl.loket.workspace.service.ItemService;

/**
 * One contact and the actions on it; chain-team decides (403/404/409 pass through). POSTs take
 * {@code application/json} only: a cross-site form post gets 415. Claim and release have no body, so they also take a
 * request without Content-Type (JAX-RS reads it as {@code application/octet-stream}, which no HTML form can send).
 */
@Path("/api/items/{contactId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class ItemResource {

    private final ItemService items;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public ItemResource(ItemService items, ApiMapper mapper, SignedIn signedIn) {
        this.items = items;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @GET
    public Uni<ItemDetail> detail(@PathParam("contactId") String contactId) {
        return items.detail(signedIn.bearer(), contactId).map(mapper::toApi);
    }

    @POST
    @Path("/claim")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM })
    public Uni<WorkItem> claim(@PathParam("contactId") String contactId) {
        return items.claim(signedIn.bearer(), contactId).map(mapper::toApi);
    }

    @POST
    @Path("/release")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM })
    public Uni<WorkItem> release(@PathParam("contactId") String contactId) {
        return items.release(signedIn.bearer(), contactId).map(mapper::toApi);
    }

    @POST
    @Path("/resolve")
    public Uni<WorkItem> resolve(@PathParam("contactId") String contactId, @Valid @NotNull ResolveRequest request) {
        return items.resolve(signedIn.bearer(), contactId, request.outcome().name(), request.note())
                .map(mapper::toApi);
    }

    @POST
    @Path("/transfer")
    public Uni<WorkItem> transfer(@PathParam("contactId") String contactId, @Valid @NotNull TransferRequest request) {
        return items.transfer(signedIn.bearer(), contactId, request.toTeamId(), request.reason())
                .map(mapper::toApi);
    }

    @POST
    @Path("/callbacks")
    public Uni<Callback> requestCallback(@PathParam("contactId") String contactId,
            @Valid @NotNull CallbackRequest request) {
        return items.requestCallback(signedIn.bearer(), contactId, request.targetTeamId(), request.dueAt(),
                request.note()).map(mapper::toApi);
    }
}
