package nl.loket.chainteam.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.rest.ApiModels.ErasureResponse;
import nl.loket.chainteam.rest.ApiModels.InzageResponse;
import nl.loket.chainteam.rest.ApiModels.PrivacyRequest;
import nl.loket.chainteam.service.PrivacyRequests;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.RunsToEnd;

/**
 * Data-subject requests (AVG art. 15 inzage, art. 17 erasure) for contacts named by id, for an operator; the
 * coordinator ({@code ./loket privacy}) finds the ids at routing-service by the citizen's reference. Both are in the
 * processing log, tied together by the optional {@code X-Loket-Request-Id}.
 */
@RunsToEnd
@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = "jwt")
@Tag(name = "Privacy")
public class PrivacyResource {

    static final String REQUEST_ID = "X-Loket-Request-Id";
    static final String INZAGE = "POST /api/v1/privacy/inzage";
    static final String ERASURE = "POST /api/v1/privacy/erasure";

    private final PrivacyRequests requests;
    private final SecurityIdentity identity;
    private final Callers callers;
    private final String service;

    public PrivacyResource(PrivacyRequests requests, SecurityIdentity identity, Callers callers,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.requests = requests;
        this.identity = identity;
        this.callers = callers;
        this.service = service;
    }

    @POST
    @Path("/inzage")
    @Operation(summary = "Everything this service holds about these contacts: work item, history, call-backs",
            description = "Contacts this service does not know are left out; the request is logged either way.")
    public Uni<InzageResponse> inzage(@Valid @NotNull PrivacyRequest request,
            @Parameter(description = "ties the processing-log entries of one data-subject request together")
            @HeaderParam(REQUEST_ID) String requestId) {
        Instant now = Instant.now();
        return requests.inzage(request.contactIds(), callers.of(identity), INZAGE, requestId)
                .map(found -> new InzageResponse(service, found.stream().map(d -> ApiMapper.toApi(d, now)).toList()));
    }

    @POST
    @Path("/erasure")
    @Operation(summary = "Erase the personal fields of these contacts, whatever their status (idempotent)",
            description = "Subject, text, citizen details, reasons and notes become empty; ids, team, times, status, "
                    + "due time and outcome stay, so an open item stays workable and the KPIs do not change. "
                    + "Answers the ids of the contacts this service holds.")
    public Uni<ErasureResponse> erasure(@Valid @NotNull PrivacyRequest request,
            @Parameter(description = "ties the processing-log entries of one data-subject request together")
            @HeaderParam(REQUEST_ID) String requestId) {
        return requests.erase(request.contactIds(), callers.of(identity), ERASURE, requestId)
                .map(erased -> new ErasureResponse(service, erased));
    }
}
