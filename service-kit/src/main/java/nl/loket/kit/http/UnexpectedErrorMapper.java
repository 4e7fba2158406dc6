package nl.loket.kit.http;

import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Last resort: a server fault is a 500 problem with an incident id, never a stack trace to the client. The log
 * line carries the exception type and the incident id, not the message, which may echo request data.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unexpected error %s (incident %s) at %s", exception.getClass().getName(), incident,
                exception.getStackTrace().length > 0 ? exception.getStackTrace()[0] : "?");
        return ProblemResponses.of(new Problem("about:blank", "Internal Server Error", 500,
                "Unexpected error; incident " + incident, null, java.util.List.of()));
    }
}
