package nl.loket.kit.http;

import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.ws.rs.core.Response;
import nl.loket.kit.messaging.TransientFailures;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Last resort: a server fault is a 500 problem with an incident id, never a stack trace to the client. The log
 * line carries the exception type and the incident id, not the message, which may echo request data. A failure of the
 * infrastructure ({@link TransientFailures}: the database or broker away, the connection pool exhausted under load) is
 * a 503 with Retry-After instead: nothing is wrong with the request, the caller retries it.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    /** Seconds a caller waits before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = 2;

    @Override
    public Response toResponse(Throwable exception) {
        if (TransientFailures.isTransient(exception)) {
            LOG.warnf("Service unavailable: %s", exception.getClass().getName());
            return Response.fromResponse(ProblemResponses.of(new Problem("urn:loket:problem:unavailable",
                            "Service Unavailable", 503, "Temporarily unavailable; retry after " + RETRY_AFTER_SECONDS
                                    + " seconds.", null, java.util.List.of())))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unexpected error %s (incident %s) at %s", exception.getClass().getName(), incident,
                exception.getStackTrace().length > 0 ? exception.getStackTrace()[0] : "?");
        return ProblemResponses.of(new Problem("about:blank", "Internal Server Error", 500,
                "Unexpected error; incident " + incident, null, java.util.List.of()));
    }
}
