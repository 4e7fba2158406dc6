package nl.loket.chainteam.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.rest.ApiModels.CallbackView;
import nl.loket.chainteam.rest.ApiModels.CompleteCallbackRequest;
import nl.loket.chainteam.service.CallbackActions;
import nl.loket.chainteam.service.PersonalDataReads;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.privacy.Purpose;
import nl.loket.kit.http.RunsToEnd;

/**
 * Completing a call-back: the requesting team, the target team or the target member; others get 404. The answer
 * shows the call-back's notes, so it is written to the processing log first.
 */
@RunsToEnd
@Path("/api/v1/callbacks/{callbackId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
@SecurityRequirement(name = "jwt")
@Tag(name = "Call-backs")
public class CallbackResource {

    private final CallbackActions callbacks;
    private final SecurityIdentity identity;
    private final Callers callers;
    private final PersonalDataReads reads;

    public CallbackResource(CallbackActions callbacks, SecurityIdentity identity, Callers callers,
            PersonalDataReads reads) {
        this.callbacks = callbacks;
        this.identity = identity;
        this.callers = callers;
        this.reads = reads;
    }

    @POST
    @Path("/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the call-back as made → CallbackCompleted; the item returns to its queue")
    public Uni<CallbackView> complete(@PathParam("callbackId") String callbackId,
            @Valid @NotNull CompleteCallbackRequest request) {
        return callbacks.complete(callbackId, member(), request.reached(), request.note())
                .call(cb -> reads.shown(callers.of(identity), Purpose.CONTACT_HANDLING,
                        "POST /api/v1/callbacks/{callbackId}/complete", List.of(cb.contactId)))
                .map(ApiMapper::toApi);
    }

    /** The signed-in member: name, organisation and teams from the verified access token. */
    private Member member() {
        return ApiMapper.toMember(callers.of(identity));
    }
}
