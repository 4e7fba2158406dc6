package nl.loket.intake.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.ProblemResponses;
import nl.loket.intake.config.IntakeConfig;
import nl.loket.intake.service.BrokerUnavailableException;
import nl.loket.intake.service.ContactNotAllowedException;
import nl.loket.intake.service.IdempotencyKeyReusedException;

/** Intake's own failures as problem+json. */
public class IntakeExceptionMappers {

    private final IntakeConfig config;

    public IntakeExceptionMappers(IntakeConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        Log.warnf("Contact not accepted: %s", e.getMessage());
        return Response.fromResponse(ProblemResponses.of(new Problem("urn:loket:problem:broker-unavailable",
                        "Service Unavailable", 503, "The contact was not accepted: the event broker is unavailable. Retry later.",
                        null, java.util.List.of())))
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return ProblemResponses.of(new Problem("urn:loket:problem:idempotency-key-reused", "Unprocessable Content", 422,
                e.getMessage(), null, java.util.List.of()));
    }

    /** The signed-in adapter may not hand in this contact (another adapter's id, a signal its channel lacks). */
    @ServerExceptionMapper
    public Response contactNotAllowed(ContactNotAllowedException e) {
        return ProblemResponses.of(403, "Forbidden", e.getMessage());
    }
}
