package nl.loket.kit.privacy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.RunsToEnd;

/**
 * The operator's view of this service's processing log: {@code GET /api/v1/processing-log} with optional filters
 * {@code contactId}, {@code actor}, {@code purpose} (e.g. {@code SUBJECT_ERASURE}), {@code from}/{@code to} (ISO
 * instants) and {@code limit} (default 100, at most 1000). Newest first.
 */
@RunsToEnd
@Path("/api/v1/processing-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@IfBuildProperty(name = "loket.kit.processing-log.enabled", stringValue = "true")
public class ProcessingLogResource {

    static final int MAX_LIMIT = 1000;

    private final ProcessingLog log;

    public ProcessingLogResource(ProcessingLog log) {
        this.log = log;
    }

    @GET
    public Uni<List<ProcessingLogEntry>> find(@QueryParam("contactId") String contactId,
            @QueryParam("actor") String actor, @QueryParam("purpose") String purpose,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return log.find(blank(contactId), blank(actor), blank(purpose).map(ProcessingLogResource::purpose),
                blank(from).map(v -> instant("from", v)), blank(to).map(v -> instant("to", v)), max);
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Purpose purpose(String value) {
        try {
            return Purpose.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("purpose must be one of " + List.of(Purpose.values()));
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-30T08:00:00Z");
        }
    }
}
