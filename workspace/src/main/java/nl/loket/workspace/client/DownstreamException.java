package nl.loket.workspace.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

/**
 * A call to another Loket service that did not succeed: its refusal (4xx, with its problem details' detail and field
 * errors, never its body otherwise) or its absence ({@code status} 503: unreachable, timed out or failing).
 */
public class DownstreamException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Service service;
    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public DownstreamException(Service service, int status, String detail, List<FieldError> errors, Throwable cause) {
        super(service.id() + " answered " + status, cause, false, false);
        this.service = service;
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** One invalid field as the service behind named it. */
    public record FieldError(String field, String message) {
    }

    /** The other services, with the Dutch name an agent knows them by. */
    public enum Service {
        INTAKE("intake", "de intake"),
        ROUTING("routing", "de routering"),
        KNOWLEDGE("knowledge", "de kennisbank"),
        CHAIN_TEAM("chain-team", "de wachtrijen"),
        METRICS("metrics", "de cijfers");

        private final String id;
        private final String dutchName;

        Service(String id, String dutchName) {
            this.id = id;
            this.dutchName = dutchName;
        }

        public String id() {
            return id;
        }

        public String dutchName() {
            return dutchName;
        }
    }

    /** From an error response (client exception mappers). A 5xx counts as unavailable. */
    public static DownstreamException of(Service service, Response response) {
        int status = response.getStatus();
        String detail = null;
        List<FieldError> errors = new ArrayList<>();
        try {
            response.bufferEntity();
            String body = response.readEntity(String.class);
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                if (problem.hasNonNull("detail")) {
                    detail = problem.get("detail").asText();
                }
                if (problem.path("errors").isArray()) {
                    for (JsonNode e : problem.get("errors")) {
                        errors.add(new FieldError(e.path("field").asText(null), e.path("message").asText(null)));
                    }
                }
            }
        } catch (Exception e) {
            // not problem+json: the status alone is passed on
        }
        return new DownstreamException(service, status >= 500 ? 503 : status, detail, errors, null);
    }

    /** The service could not be reached or did not answer in time. */
    public static DownstreamException unreachable(Service service, Throwable cause) {
        return new DownstreamException(service, 503, null, List.of(), cause);
    }

    /** Passes a {@link DownstreamException} on; anything else (connection refused, time-out) is "unreachable". */
    public static Throwable wrap(Service service, Throwable failure) {
        return failure instanceof DownstreamException ? failure : unreachable(service, failure);
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
