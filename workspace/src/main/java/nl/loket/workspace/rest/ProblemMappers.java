package nl.loket.workspace.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.ProblemResponses;
import nl.loket.workspace.client.DownstreamException;
import nl.loket.workspace.service.Refusal;

/**
 * The other services' refusals pass through with their status (400, 401, 403, 404, 409, 422) and a short Dutch title the
 * page can show; an unreachable or failing service is 503. problem+json, as every Loket error.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response downstream(DownstreamException e) {
        if (e.status() >= 500) {
            Log.warnf("%s unavailable: %s", e.service().id(),
                    e.getCause() == null ? "status " + e.status() : e.getCause().getClass().getSimpleName());
            Response problem = ProblemResponses.of(new Problem("urn:loket:problem:service-unavailable",
                    capitalised(e.service().dutchName()) + " is nu niet bereikbaar; probeer het zo opnieuw", 503,
                    e.service().id() + " is unavailable", null, List.of()));
            return Response.fromResponse(problem).header("Retry-After", "5").build();
        }
        int status = e.status();
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        return ProblemResponses.of(new Problem("about:blank", title(e.service(), status), status,
                e.detail() != null ? e.detail() : e.service().id() + " answered " + e.status(), null, errors));
    }

    @ServerExceptionMapper
    public Response refusal(Refusal e) {
        return ProblemResponses.of(new Problem("about:blank", e.title(), e.status(), e.getMessage(), null, List.of()));
    }

    static String title(DownstreamException.Service service, int status) {
        return switch (status) {
            case 400 -> "Dat klopt niet helemaal: controleer de invoer";
            case 401 -> "Uw sessie is verlopen; meld u opnieuw aan";
            case 403 -> service == DownstreamException.Service.CHAIN_TEAM
                    ? "Dit mag u niet: het contact is van een collega of een ander team"
                    : "Dit mag u niet";
            case 404 -> service == DownstreamException.Service.CHAIN_TEAM
                    ? "Dit contact is niet (meer) in uw teams te vinden"
                    : "Niet gevonden";
            case 409 -> "Dit is intussen veranderd; laad de pagina opnieuw";
            case 413 -> "Dat is te lang";
            case 422 -> "Dit is al eerder met andere gegevens verstuurd";
            default -> "Dat lukte niet";
        };
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
