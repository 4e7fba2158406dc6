package nl.loket.workspace.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import nl.loket.workspace.client.IntakeModels.ContactAccepted;
import nl.loket.workspace.client.IntakeModels.ContactRequest;

/**
 * intake-service, called as the channel adapter of the registration's channel (its own client-credentials token).
 * Not retried here: the page may send the registration again with the same idempotency key.
 */
@RegisterRestClient(configKey = "intake")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IntakeClient {

    @POST
    @Path("/api/v1/contacts")
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    Uni<ContactAccepted> submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, ContactRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.of(DownstreamException.Service.INTAKE, response);
    }
}
