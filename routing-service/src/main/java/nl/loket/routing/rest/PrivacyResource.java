package nl.loket.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.Problem;
import nl.loket.routing.service.PersonalDataService;
import nl.loket.kit.http.RunsToEnd;

/**
 * Data-subject requests for an operator, by the citizen's global reference: inzage (AVG art. 15) lists what routing
 * holds, erasure (art. 17) erases the personal fields and the reference. Both are written to the processing log; the
 * optional {@code X-Loket-Request-Id} ties the entries of one request across services.
 */
@RunsToEnd
@Path("/api/v1/privacy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@APIResponse(responseCode = "400", description = "No valid citizen reference", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PrivacyResource {

    static final String SERVICE = "routing-service";
    static final String REQUEST_ID = "X-Loket-Request-Id";
    static final String INZAGE = "POST /api/v1/privacy/inzage";
    static final String ERASURE = "POST /api/v1/privacy/erasure";

    private final PersonalDataService personalData;
    private final SecurityIdentity identity;
    private final Callers callers;

    public PrivacyResource(PersonalDataService personalData, SecurityIdentity identity, Callers callers) {
        this.personalData = personalData;
        this.identity = identity;
        this.callers = callers;
    }

    @POST
    @Path("/inzage")
    @Operation(summary = "Inzage (AVG art. 15): every contact of the citizen as routing holds it, with each decision "
            + "and the reference each team knows the citizen by; logged in the processing log")
    public Uni<InzageResponse> inzage(@Valid @NotNull PrivacyRequest request,
            @Parameter(description = "ties the processing-log entries of one request") @HeaderParam(REQUEST_ID) String requestId) {
        return personalData.inzage(callers.of(identity), request.citizenRef(), INZAGE, requestId)
                .map(contacts -> InzageResponse.of(SERVICE, contacts));
    }

    @POST
    @Path("/erasure")
    @Operation(summary = "Erasure (AVG art. 17): erases subject, text, citizen details and reference (and transfer "
            + "reasons) of the citizen's contacts; decisions stay. Idempotent; logged in the processing log")
    public Uni<ErasureResponse> erasure(@Valid @NotNull PrivacyRequest request,
            @Parameter(description = "ties the processing-log entries of one request") @HeaderParam(REQUEST_ID) String requestId) {
        return personalData.erase(callers.of(identity), request.citizenRef(), ERASURE, requestId)
                .map(erased -> new ErasureResponse(SERVICE, erased));
    }
}
