package nl.loket.workspace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Callback;
import nl.loket.workspace.rest.ApiModels.CompleteCallbackRequest;
import nl.loket.workspace.service.ItemService;

/** Completing a call-back (chain-team decides who may). */
@Path("/api/callbacks/{callbackId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class CallbackResource {

    private final ItemService items;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public CallbackResource(ItemService items, ApiMapper mapper, SignedIn signedIn) {
        this.items = items;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @POST
    @Path("/complete")
    public Uni<Callback> complete(@PathParam("callbackId") String callbackId,
            @Valid @NotNull CompleteCallbackRequest request) {
        return items.completeCallback(signedIn.bearer(), callbackId, request.reached(), request.note())
                .map(mapper::toApi);
    }
}
