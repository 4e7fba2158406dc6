package nl.loket.intake.rest;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.Problem;
import nl.loket.intake.service.ContactIntakeService;
import nl.loket.kit.http.RunsToEnd;

/**
 * Channel adapters (role {@code adapter}) hand in contacts as the adapter their token names ({@code adapter_id}) and
 * read back only their own receipts.
 */
@RunsToEnd
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADAPTER)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not a channel adapter, or a token without adapter_id", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ContactResource {

    private final ContactIntakeService intake;
    private final SecurityIdentity identity;
    private final Callers callers;

    public ContactResource(ContactIntakeService intake, SecurityIdentity identity, Callers callers) {
        this.intake = intake;
        this.identity = identity;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand in a contact",
            description = "Answers 202 only after Kafka acknowledged the ContactReceived event. The same Idempotency-Key "
                    + "with the same body returns the same contact id; with another body 422.")
    @APIResponse(responseCode = "202", description = "Accepted and on Kafka")
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "adapterId is not the signed-in adapter, or ivrChoice/deskTopic from an adapter not configured for them", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Idempotency key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<ContactAccepted>> submit(
            @Valid @NotNull ContactRequest request,
            @Parameter(description = "Adapter's key for safe retries (kept 24 h by default)")
            @RestHeader(IdempotencyKeyHeader.NAME) @IdempotencyKeyHeader
            String idempotencyKey) {
        return intake.accept(adapterId(), ContactRequestMapper.toSubmission(request), idempotencyKey)
                .map(accepted -> RestResponse.ResponseBuilder
                        .create(RestResponse.Status.ACCEPTED,
                                new ContactAccepted(accepted.contactId(), accepted.receivedAt(), accepted.replayed()))
                        .location(URI.create("/api/v1/contacts/" + accepted.contactId()))
                        .build());
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "The receipt of an accepted contact, during the idempotency window",
            description = "status PENDING: stored, the broker has not acknowledged it yet; the re-publisher publishes it "
                    + "with the same event id (or a retry with the same Idempotency-Key does). PUBLISHED: on Kafka.")
    @APIResponse(responseCode = "404", description = "Unknown, another adapter's, or older than the idempotency window", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ContactReceiptResponse> receipt(
            @RestPath @ContactIdParam String contactId) {
        return intake.find(adapterId(), contactId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No such contact within the idempotency window"))
                .map(r -> new ContactReceiptResponse(r.contactId, r.receivedAt, r.acceptedAt, r.status.name()));
    }

    /** The signed-in adapter; a token with the role but without {@code adapter_id} is refused. */
    private String adapterId() {
        return callers.of(identity).adapterId().filter(id -> !id.isBlank())
                .orElseThrow(() -> new ForbiddenException("The token names no channel adapter (adapter_id)"));
    }
}
