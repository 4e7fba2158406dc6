package nl.loket.chainteam.rest;

import java.time.Instant;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.rest.ApiModels.CallbackRequest;
import nl.loket.chainteam.rest.ApiModels.CallbackView;
import nl.loket.chainteam.rest.ApiModels.HistoryEntryView;
import nl.loket.chainteam.rest.ApiModels.ResolveRequest;
import nl.loket.chainteam.rest.ApiModels.TransferRequest;
import nl.loket.chainteam.rest.ApiModels.WorkItemView;
import nl.loket.chainteam.service.CallbackActions;
import nl.loket.chainteam.service.PersonalDataReads;
import nl.loket.chainteam.service.ProblemException;
import nl.loket.chainteam.service.WorkItemActions;
import nl.loket.chainteam.service.WorkItemQueries;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.privacy.Purpose;
import nl.loket.kit.http.RunsToEnd;

/**
 * One work item (by contact id). An item outside the member's teams answers 404: its existence does not leak.
 * Claimed items can only be settled, transferred, called back or released by the member who claimed them. Every
 * answer shows the contact's personal data (or notes about it), so each is written to the processing log first.
 */
@RunsToEnd
@Path("/api/v1/items/{contactId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
@SecurityRequirement(name = "jwt")
@Tag(name = "Work items")
public class WorkItemResource {

    /** This resource's path, as the processing log names its endpoints. */
    static final String ITEM = "/api/v1/items/{contactId}";

    private final WorkItemQueries queries;
    private final WorkItemActions actions;
    private final CallbackActions callbacks;
    private final SecurityIdentity identity;
    private final Callers callers;
    private final PersonalDataReads reads;

    public WorkItemResource(WorkItemQueries queries, WorkItemActions actions, CallbackActions callbacks,
            SecurityIdentity identity, Callers callers, PersonalDataReads reads) {
        this.queries = queries;
        this.actions = actions;
        this.callbacks = callbacks;
        this.identity = identity;
        this.callers = callers;
        this.reads = reads;
    }

    @GET
    @Operation(summary = "The work item")
    public Uni<WorkItemView> get(@PathParam("contactId") String contactId) {
        return queries.item(contactId, member())
                .call(i -> logged(Purpose.CONTACT_HANDLING, "GET " + ITEM, i.contactId))
                .map(i -> ApiMapper.toApi(i, Instant.now()));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every action on the contact, in order: who, when, what, and the state after it")
    public Uni<List<HistoryEntryView>> history(@PathParam("contactId") String contactId) {
        return queries.history(contactId, member())
                .call(() -> logged(Purpose.CASE_HISTORY, "GET " + ITEM + "/history", contactId))
                .map(l -> l.stream().map(ApiMapper::toApi).toList());
    }

    @GET
    @Path("/callbacks")
    @Operation(summary = "The contact's call-back requests")
    public Uni<List<CallbackView>> callbacks(@PathParam("contactId") String contactId) {
        return queries.callbacksOf(contactId, member())
                .call(() -> logged(Purpose.CASE_HISTORY, "GET " + ITEM + "/callbacks", contactId))
                .map(l -> l.stream().map(ApiMapper::toApi).toList());
    }

    @POST
    @Path("/claim")
    @Operation(summary = "Claim an OPEN item (idempotent for the member who holds it)")
    public Uni<WorkItemView> claim(@PathParam("contactId") String contactId) {
        return actions.claim(contactId, member())
                .call(i -> logged(Purpose.CONTACT_HANDLING, "POST " + ITEM + "/claim", i.contactId))
                .map(i -> ApiMapper.toApi(i, Instant.now()));
    }

    @POST
    @Path("/release")
    @Operation(summary = "Put a claimed item back in the queue")
    public Uni<WorkItemView> release(@PathParam("contactId") String contactId) {
        return actions.release(contactId, member())
                .call(i -> logged(Purpose.CONTACT_HANDLING, "POST " + ITEM + "/release", i.contactId))
                .map(i -> ApiMapper.toApi(i, Instant.now()));
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settle the contact with an outcome → ContactHandled")
    public Uni<WorkItemView> resolve(@PathParam("contactId") String contactId,
            @Valid @NotNull ResolveRequest request) {
        return actions.resolve(contactId, member(), request.outcome(), request.note())
                .call(i -> logged(Purpose.CONTACT_HANDLING, "POST " + ITEM + "/resolve", i.contactId))
                .map(i -> ApiMapper.toApi(i, Instant.now()));
    }

    @POST
    @Path("/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask routing-service to hand the contact on → ContactTransferRequested (202)")
    public Uni<Response> transfer(@PathParam("contactId") String contactId, @Valid @NotNull TransferRequest request) {
        return actions.transfer(contactId, member(), request.toTeamId(), request.reason())
                .call(i -> logged(Purpose.CONTACT_HANDLING, "POST " + ITEM + "/transfer", i.contactId))
                .map(i -> Response.accepted(ApiMapper.toApi(i, Instant.now())).build());
    }

    @POST
    @Path("/callbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a call-back (terugbelnotitie) → CallbackRequested (201)",
            description = "Give targetTeamId and/or targetMember; dueAt defaults to the end of the next working day.")
    public Uni<Response> requestCallback(@PathParam("contactId") String contactId,
            @Valid @NotNull CallbackRequest request) {
        if (request.targetTeamId() == null && request.targetMember() == null) {
            throw ProblemException.invalid("targetTeamId", "give targetTeamId or targetMember");
        }
        if (request.dueAt() != null && request.dueAt().isBefore(Instant.now())) {
            throw ProblemException.invalid("dueAt", "must be in the future");
        }
        return callbacks.request(contactId, member(), request.targetTeamId(), request.targetMember(),
                request.dueAt(), request.note())
                .call(cb -> logged(Purpose.CONTACT_HANDLING, "POST " + ITEM + "/callbacks", cb.contactId))
                .map(cb -> Response.status(Response.Status.CREATED).entity(ApiMapper.toApi(cb)).build());
    }

    /** The signed-in member: name, organisation and teams from the verified access token. */
    private Member member() {
        return ApiMapper.toMember(callers.of(identity));
    }

    /** Writes to the processing log that the signed-in member is shown this contact's personal data. */
    private Uni<Void> logged(Purpose purpose, String endpoint, String contactId) {
        return reads.shown(callers.of(identity), purpose, endpoint, List.of(contactId));
    }
}
