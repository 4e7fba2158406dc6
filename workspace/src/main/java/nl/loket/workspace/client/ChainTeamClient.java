package nl.loket.workspace.client;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import nl.loket.workspace.client.ChainTeamModels.Callback;
import nl.loket.workspace.client.ChainTeamModels.CallbackBody;
import nl.loket.workspace.client.ChainTeamModels.CompleteBody;
import nl.loket.workspace.client.ChainTeamModels.HistoryEntry;
import nl.loket.workspace.client.ChainTeamModels.ItemPage;
import nl.loket.workspace.client.ChainTeamModels.ResolveBody;
import nl.loket.workspace.client.ChainTeamModels.TeamSummary;
import nl.loket.workspace.client.ChainTeamModels.TransferBody;
import nl.loket.workspace.client.ChainTeamModels.WorkItem;

/**
 * chain-team-service, called with the signed-in agent's token: it decides who may see or change what. Reads are
 * tried again a bounded number of times when the service cannot be reached or does not answer in time (never after
 * an answer, which is a {@link DownstreamException}); actions are never repeated by the werkplek.
 */
@RegisterRestClient(configKey = "chain-team")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
public interface ChainTeamClient {

    @GET
    @Path("/api/v1/teams/{teamId}/items")
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<ItemPage> items(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("teamId") String teamId, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("overdue") String overdue,
            @QueryParam("mine") String mine, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/api/v1/teams/{teamId}/callbacks")
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<List<Callback>> teamCallbacks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("teamId") String teamId, @QueryParam("status") String status);

    @GET
    @Path("/api/v1/teams/{teamId}/summary")
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<TeamSummary> summary(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("teamId") String teamId);

    @GET
    @Path("/api/v1/items/{contactId}")
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<WorkItem> item(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId);

    @GET
    @Path("/api/v1/items/{contactId}/history")
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<List<HistoryEntry>> history(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId);

    @GET
    @Path("/api/v1/items/{contactId}/callbacks")
    @Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
    Uni<List<Callback>> itemCallbacks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId);

    @POST
    @Path("/api/v1/items/{contactId}/claim")
    Uni<WorkItem> claim(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId);

    @POST
    @Path("/api/v1/items/{contactId}/release")
    Uni<WorkItem> release(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId);

    @POST
    @Path("/api/v1/items/{contactId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<WorkItem> resolve(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId, ResolveBody body);

    @POST
    @Path("/api/v1/items/{contactId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<WorkItem> transfer(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId, TransferBody body);

    @POST
    @Path("/api/v1/items/{contactId}/callbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Callback> requestCallback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("contactId") String contactId, CallbackBody body);

    @POST
    @Path("/api/v1/callbacks/{callbackId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Callback> completeCallback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("callbackId") String callbackId, CompleteBody body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.of(DownstreamException.Service.CHAIN_TEAM, response);
    }
}
