package nl.loket.workspace.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import nl.loket.workspace.client.MetricsModels.KpiSummary;

/** metrics-service's KPI summary, with the signed-in team lead's token (it decides which municipalities). */
@RegisterRestClient(configKey = "metrics")
@Produces(MediaType.APPLICATION_JSON)
public interface MetricsClient {

    @GET
    @Path("/api/v1/metrics/summary")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<KpiSummary> summary(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("municipality") String municipality, @QueryParam("from") String from,
            @QueryParam("to") String to);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.of(DownstreamException.Service.METRICS, response);
    }
}
