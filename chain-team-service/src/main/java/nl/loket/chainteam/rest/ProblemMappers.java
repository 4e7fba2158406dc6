package nl.loket.chainteam.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import nl.loket.chainteam.service.ProblemException;
import nl.loket.kit.http.ProblemResponses;

/** This service's refusals and concurrent changes as problem+json (401/403: the service kit's AuthProblemMappers). */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.problem());
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentChange(RuntimeException e) {
        return ProblemResponses.of(409, "Conflict", "The item was changed at the same time; reload and try again");
    }
}
