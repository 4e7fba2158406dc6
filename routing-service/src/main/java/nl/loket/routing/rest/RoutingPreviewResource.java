package nl.loket.routing.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import nl.loket.contracts.events.Channel;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.ProblemResponses;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.service.ReasonTexts;
import nl.loket.routing.service.RoutingService;
import nl.loket.kit.http.RunsToEnd;

/** Where would this contact go, and why? Publishes nothing. For agents and knowledge editors. */
@RunsToEnd
@Path("/api/v1/routing/preview")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AGENT, Roles.EDITOR })
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Neither agent nor editor", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class RoutingPreviewResource {

    private final RoutingService routing;

    public RoutingPreviewResource(RoutingService routing) {
        this.routing = routing;
    }

    @POST
    @Operation(summary = "Preview the routing decision for a contact (tier, team, reason, confidence); publishes nothing; "
            + "503 problem+json until the knowledge view has caught up",
            description = "The reason is one sentence in Dutch, as on the topics; in English when the request's "
                    + "Accept-Language prefers English to Dutch (e.g. `Accept-Language: en`). Other languages, a "
                    + "wildcard or no header give Dutch.")
    public Uni<Response> preview(@Valid @NotNull PreviewRequest request,
            @Parameter(description = "policy name; default: the municipality's policy") @QueryParam("policy") String policyName,
            @Parameter(description = "trained model: absent = the live version, `none` = the rules alone, a number = "
                    + "that stored version") @QueryParam("model") String modelChoice,
            @Context HttpHeaders headers) {
        if (!routing.isViewReady()) {
            return Uni.createFrom().item(notReady());
        }
        Policy policy;
        if (policyName != null && !policyName.isBlank()) {
            policy = routing.policies().byName(policyName).orElse(null);
            if (policy == null) {
                return Uni.createFrom().item(ProblemResponses.of(400, "Unknown policy",
                        "No routing policy '" + policyName + "'; known: " + routing.policies().all().keySet()));
            }
        } else {
            policy = routing.policies().forMunicipality(request.municipality());
        }
        ContactFacts facts = new ContactFacts("preview", request.municipality(),
                request.channel() == null ? Channel.WEB_FORM : request.channel(),
                request.receivedAt() == null ? Instant.now() : request.receivedAt(), request.subject(),
                request.text(), request.language(), request.caseReference(), request.productCode(),
                request.ivrChoice(), request.deskTopic(), request.followUpOf());
        RoutingService.ModelChoice choice = RoutingService.ModelChoice.LIVE;
        int version = 0;
        if (modelChoice != null && !modelChoice.isBlank()) {
            if (modelChoice.equalsIgnoreCase("none")) {
                choice = RoutingService.ModelChoice.NONE;
            } else if (modelChoice.matches("[1-9][0-9]{0,8}")) {
                choice = RoutingService.ModelChoice.VERSION;
                version = Integer.parseInt(modelChoice);
            } else {
                return Uni.createFrom().item(ProblemResponses.of(400, "Bad model",
                        "model must be none or a model version number, not '" + clip(modelChoice) + "'"));
            }
        }
        int asked = version;
        ReasonTexts language = ReasonTexts.preferred(headers.getAcceptableLanguages());
        return routing.preview(facts, policy, choice, version)
                .map(p -> p == null ? ProblemResponses.of(400, "Unknown model version",
                        "No routing model version " + asked + "; GET /api/v1/routing/models lists them") : Response.ok(PreviewMapper.toResponse(p, language)).header(HttpHeaders.CONTENT_LANGUAGE,
                        language.languageTag()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build())
                .onFailure(RoutingService.ViewNotReadyException.class).recoverWithItem(RoutingPreviewResource::notReady);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** 503 while the knowledge view has not caught up (at start-up, or after a restart of its reader). */
    private static Response notReady() {
        Response problem = ProblemResponses.of(503, "Not ready",
                "The knowledge view has not caught up with the knowledge topics yet; try again shortly.");
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
