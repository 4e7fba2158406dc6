package nl.loket.knowledge.rest;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import nl.loket.kit.http.Problem;
import nl.loket.kit.http.ProblemResponses;
import nl.loket.knowledge.service.ConflictException;
import nl.loket.knowledge.service.InvalidInputException;

/** Maps the service's exceptions to problem+json. */
public class KnowledgeExceptionMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return ProblemResponses.of(Problem.invalid("1 invalid field(s)",
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return ProblemResponses.of(409, "Conflict", e.getMessage());
    }

    @ServerExceptionMapper({StaleStateException.class, OptimisticLockException.class})
    public Response concurrentEdit(Exception e) {
        return ProblemResponses.of(409, "Conflict", "Changed by someone else at the same time; read it again and retry");
    }
}
