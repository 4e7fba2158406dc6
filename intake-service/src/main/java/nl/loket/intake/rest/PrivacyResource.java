package nl.loket.intake.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.loket.intake.service.DataSubjectRequests;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.RunsToEnd;

/**
 * A citizen's requests under the AVG, handled by an operator (role {@code operator}): turn a BSN into the citizen
 * reference, see (inzage, art. 15) or erase (art. 17) what intake holds of that citizen's contacts. Each request is
 * in the processing log (purposes SUBJECT_ACCESS, SUBJECT_ERASURE) before it is answered; the optional
 * {@code X-Loket-Request-Id} ties the entries of one request across services.
 */
@RunsToEnd
@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@APIResponse(responseCode = "400", description = "Invalid field or header; input values are never echoed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PrivacyResource {

    static final String CITIZEN_REF = "/api/v1/privacy/citizen-ref";
    static final String INZAGE = "/api/v1/privacy/inzage";
    static final String ERASURE = "/api/v1/privacy/erasure";

    private final DataSubjectRequests requests;
    private final SecurityIdentity identity;
    private final Callers callers;
    private final String service;

    public PrivacyResource(DataSubjectRequests requests, SecurityIdentity identity, Callers callers,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.requests = requests;
        this.identity = identity;
        this.callers = callers;
        this.service = service;
    }

    @POST
    @Path("/citizen-ref")
    @Operation(summary = "The citizen reference of a BSN",
            description = "The keyed hash every service knows the citizen by; the BSN is checked with the 11-proef and "
                    + "neither stored nor logged. Logged as SUBJECT_ACCESS without a contact.")
    @APIResponse(responseCode = "200", description = "The reference")
    public Uni<CitizenRefResponse> citizenRef(@Valid @NotNull CitizenRefRequest request,
            @Parameter(description = "Ties the processing-log entries of one data-subject request")
            @RestHeader(RequestIdHeader.NAME) @RequestIdHeader String requestId) {
        return requests.citizenRef(callers.of(identity), "POST " + CITIZEN_REF, requestId, request.bsn())
                .map(CitizenRefResponse::new);
    }

    @POST
    @Path("/inzage")
    @Operation(summary = "Inzage: what intake holds of the citizen's contacts",
            description = "The receipts intake still keeps (published ones for the idempotency window, 24 h by "
                    + "default; PENDING ones until published) whose contact names the citizen. Logged as SUBJECT_ACCESS "
                    + "per contact found (one entry when none is).")
    @APIResponse(responseCode = "200", description = "The contacts found (possibly none)")
    public Uni<InzageResponse> inzage(@Valid @NotNull DataSubjectRequest request,
            @Parameter(description = "Ties the processing-log entries of one data-subject request")
            @RestHeader(RequestIdHeader.NAME) @RequestIdHeader String requestId) {
        return requests.inzage(callers.of(identity), "POST " + INZAGE, requestId, request.citizenRef())
                .map(held -> new InzageResponse(service, held.stream().map(InzageMapper::toApiModel).toList()));
    }

    @POST
    @Path("/erasure")
    @Operation(summary = "Erasure: remove the personal fields of the citizen's contacts",
            description = "Subject, text and the citizen's name, e-mail, phone and reference are removed from the "
                    + "receipts intake keeps; ids, municipality, channel and times stay. A PENDING contact is still "
                    + "published, without them. Idempotent: a second request erases nothing more. Logged as "
                    + "SUBJECT_ERASURE per contact erased (one entry when none is).")
    @APIResponse(responseCode = "200", description = "The contacts erased (possibly none)")
    public Uni<ErasureResponse> erasure(@Valid @NotNull DataSubjectRequest request,
            @Parameter(description = "Ties the processing-log entries of one data-subject request")
            @RestHeader(RequestIdHeader.NAME) @RequestIdHeader String requestId) {
        return requests.erase(callers.of(identity), "POST " + ERASURE, requestId, request.citizenRef())
                .map(erased -> new ErasureResponse(service, erased));
    }
}
