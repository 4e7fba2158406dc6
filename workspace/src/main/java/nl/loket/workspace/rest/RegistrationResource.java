package nl.loket.workspace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Registration;
import nl.loket.workspace.rest.ApiModels.RegistrationRequest;
import nl.loket.workspace.service.RegistrationService;

/**
 * A contact registered at the counter or on the phone, by a member of a first-line team (else 403). 202 with the
 * routing decision and the knowledge answer. An {@code Idempotency-Key} header makes a retry safe.
 */
@Path("/api/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class RegistrationResource {

    private final RegistrationService registrations;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public RegistrationResource(RegistrationService registrations, ApiMapper mapper, SignedIn signedIn) {
        this.registrations = registrations;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @POST
    public Uni<RestResponse<Registration>> register(@Valid @NotNull RegistrationRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Pattern(regexp = "[\\x21-\\x7E]*") String idempotencyKey) {
        return registrations.register(signedIn.caller(), signedIn.bearer(), ApiMapper.toService(request), idempotencyKey)
                .map(r -> RestResponse.status(RestResponse.Status.ACCEPTED, mapper.toApi(r)));
    }
}
