package nl.loket.kit.http;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON, or JSON of the wrong shape → 400 naming the field. Quarkus registers built-in mappers
 * for the specific Jackson exceptions; the nested classes take their place with problem+json.
 */
@Provider
public class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ProblemResponses.of(problemOf(exception));
    }

    /** Wrong type, unknown field, bad enum value, wrong shape. */
    @Provider
    public static class MismatchedInput implements ExceptionMapper<com.fasterxml.jackson.databind.exc.MismatchedInputException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.exc.MismatchedInputException exception) {
            return ProblemResponses.of(problemOf(exception));
        }
    }

    /** Not JSON at all. */
    @Provider
    public static class Parse implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException exception) {
            return ProblemResponses.of(problemOf(exception));
        }
    }

    static Problem problemOf(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message;
            if (exception instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (exception instanceof InvalidFormatException invalid) {
                // never the value itself: it may be personal data (README "Privacy")
                message = "invalid value" + allowedValues(invalid.getTargetType());
            } else {
                message = "wrong type or shape";
            }
            return Problem.invalid("The body does not match the expected shape", List.of(new Problem.FieldError(field, message)));
        }
        return Problem.invalid("The body is not valid JSON", List.of(new Problem.FieldError("body", "not valid JSON")));
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            StringBuilder values = new StringBuilder("; allowed: ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                values.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return values.toString();
        }
        return "";
    }
}
