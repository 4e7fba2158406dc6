package nl.loket.kit.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import nl.loket.kit.http.ProblemResponses;

/**
 * 401 and 403 as problem+json, for every service. The token check runs when an endpoint needs it (the kit sets
 * {@code quarkus.http.auth.proactive=false}), so its failures reach these mappers instead of a bare status.
 */
public class AuthProblemMappers {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(ProblemResponses.of(401, "Unauthorized", "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(403, "Forbidden", "Not allowed");
    }
}
