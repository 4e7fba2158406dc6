package nl.loket.workspace.client;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import nl.loket.workspace.client.KnowledgeModels.Article;
import nl.loket.workspace.client.KnowledgeModels.CaseStatus;
import nl.loket.workspace.client.KnowledgeModels.SearchResult;
import nl.loket.workspace.client.KnowledgeModels.Team;

/** knowledge-service (teams, articles, search, case status), read with the signed-in agent's token. */
@RegisterRestClient(configKey = "knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, abortOn = DownstreamException.class)
public interface KnowledgeClient {

    @GET
    @Path("/api/v1/teams")
    Uni<List<Team>> teams(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/articles/{id}")
    Uni<Article> article(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

    @GET
    @Path("/api/v1/knowledge/search")
    Uni<SearchResult> search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/api/v1/cases/{reference}")
    Uni<CaseStatus> caseStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("reference") String reference);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return DownstreamException.of(DownstreamException.Service.KNOWLEDGE, response);
    }
}
