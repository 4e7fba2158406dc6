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
import nl.loket.workspace.client.RoutingModels.Preview;
import nl.loket.workspace.client.RoutingModels.PreviewRequest;

/** routing-service's preview (where would this contact go, and why), asked with the signed-in agent's token. */
@RegisterRestClient(configKey = "routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RoutingClient {

    @POST
    @Path("/api/v1/routing/preview")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    Uni<Preview> preview(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, PreviewRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.of(DownstreamException.Service.ROUTING, response);
    }
}
