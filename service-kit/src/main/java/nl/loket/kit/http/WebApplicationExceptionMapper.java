package nl.loket.kit.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404, 405, 406, 415 … raised by the framework or by resources, as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            // the framework wraps a body it could not read; name the field like the Jackson mappers do
            return ProblemResponses.of(JsonInputMapper.problemOf(json));
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (original.hasEntity() && original.getEntity() instanceof Problem) {
            return original;
        }
        Response.StatusType statusType = original.getStatusInfo();
        String detail = exception.getMessage() != null ? exception.getMessage() : statusType.getReasonPhrase();
        Response.ResponseBuilder response = Response.fromResponse(original)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, statusType.getReasonPhrase(), detail));
        return response.build();
    }
}
