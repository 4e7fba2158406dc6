package nl.loket.routing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.ProblemResponses;
import nl.loket.routing.domain.ModelVersion;
import nl.loket.routing.repository.ModelRepository;
import nl.loket.routing.service.ModelRegistry;
import nl.loket.routing.service.ModelTraining;
import nl.loket.routing.service.RoutingService;
import nl.loket.kit.http.RunsToEnd;

/**
 * The trained team model for an operator: train a new version now (it goes live only if it is not worse than the live
 * one on the held-back outcomes) and list the versions with their reports. Rollback: pin a version by configuration
 * ({@code loket.routing.model.version}).
 */
@RunsToEnd
@Path("/api/v1/routing/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ModelResource {

    private final ModelTraining training;
    private final ModelRepository repository;
    private final ModelRegistry registry;
    private final long defaultSeed;

    public ModelResource(ModelTraining training, ModelRepository repository, ModelRegistry registry,
            nl.loket.routing.config.RoutingConfig config) {
        this.training = training;
        this.repository = repository;
        this.registry = registry;
        this.defaultSeed = config.model().seed();
    }

    /** An optional training seed. */
    public record TrainRequest(Long seed) {
    }

    /** A training report: the stored version, whether it went live, and against what it was compared. */
    public record TrainResponse(int version, boolean promoted, Integer liveVersion, Integer previousLiveVersion,
            long seed, int knowledgeExamples, int exampleContacts, int outcomeExamples, int holdout,
            Double candidateAccuracy, Double liveAccuracy, String note) {
    }

    @POST
    @Path("/train")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Train a new model version from the knowledge and the settled contacts now; it goes live only "
            + "if its decisions on the newest settled contacts (held back from training) are at least as good as the "
            + "live version's. 503 problem+json while the knowledge view has not caught up, 409 when the model is off.")
    public Uni<Response> train(@Valid TrainRequest request) {
        if (!registry.enabled()) {
            return Uni.createFrom().item(ProblemResponses.of(409, "Model switched off",
                    "loket.routing.model.enabled is false: routing uses the rules alone"));
        }
        long seed = request != null && request.seed() != null ? request.seed() : defaultSeed;
        return training.train(seed).map(v -> {
            Log.infof("Operator training: %s", v);
            var live = registry.current();
            return Response.ok(new TrainResponse(v.version(), v.status() == ModelVersion.Status.LIVE,
                    live == null ? null : live.version(), v.liveVersion(), v.seed(), v.knowledgeExamples(),
                    v.exampleContacts(), v.outcomeExamples(), v.holdout(), v.candidateAccuracy(), v.liveAccuracy(),
                    v.note())).build();
        }).onFailure(RoutingService.ViewNotReadyException.class).recoverWithItem(() -> Response.fromResponse(
                ProblemResponses.of(503, "Not ready", "The knowledge view has not caught up yet; try again shortly."))
                .header("Retry-After", "5").build());
    }

    @GET
    @Operation(summary = "The stored model versions, newest first, with their training reports (no model bytes)")
    public Uni<List<ModelVersion>> list() {
        return repository.list();
    }
}
