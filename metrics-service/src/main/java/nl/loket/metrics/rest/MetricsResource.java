package nl.loket.metrics.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.events.Channel;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.ProblemResponses;
import nl.loket.metrics.config.MetricsConfig;
import nl.loket.metrics.domain.KpiDefinitions;
import nl.loket.metrics.domain.KpiSeries;
import nl.loket.metrics.domain.KpiSummary;
import nl.loket.metrics.domain.MetricsQuery;
import nl.loket.metrics.service.MetricsService;
import nl.loket.metrics.service.MunicipalityScope;
import nl.loket.kit.http.RunsToEnd;

/**
 * The Antwoord KPIs over a period of receipt, for the caller's municipalities (summed) or one of them, a channel or a
 * team. Only metrics viewers, and only for the municipalities in their token: another municipality is 403.
 */
@RunsToEnd
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.METRICS_VIEWER)
public class MetricsResource {

    private static final Pattern MUNICIPALITY = Pattern.compile("GM[0-9]{4}");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> BUCKETS = Set.of("day", "week", "month");

    private final MetricsService metrics;
    private final MetricsConfig config;
    private final SecurityIdentity identity;
    private final Callers callers;

    public MetricsResource(MetricsService metrics, MetricsConfig config, SecurityIdentity identity, Callers callers) {
        this.metrics = metrics;
        this.config = config;
        this.identity = identity;
        this.callers = callers;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "KPIs of the contacts received in the period (from/to inclusive, Europe/Amsterdam days)")
    public Uni<KpiSummary> summary(
            @Parameter(description = "First day, yyyy-MM-dd (default: 30 days before to)") @QueryParam("from") String from,
            @Parameter(description = "Last day, yyyy-MM-dd (default: today)") @QueryParam("to") String to,
            @Parameter(description = "CBS municipality code, e.g. GM0363; one of the caller's (default: all of them, summed)") @QueryParam("municipality") String municipality,
            @Parameter(description = "WEB_FORM, EMAIL, PHONE, COUNTER, CHAT, SOCIAL_MEDIA or LETTER") @QueryParam("channel") String channel,
            @Parameter(description = "Team id: contacts first routed to or settled by it") @QueryParam("team") String team) {
        return metrics.summary(query(from, to, municipality, channel, team, new ArrayList<>()));
    }

    @GET
    @Path("/timeseries")
    @Operation(summary = "Headline KPIs per day, week (from Monday) or month of receipt")
    public Uni<KpiSeries> timeseries(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("municipality") String municipality, @QueryParam("channel") String channel,
            @QueryParam("team") String team,
            @Parameter(description = "day, week or month (default day)") @QueryParam("bucket") String bucket) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String b = bucket == null || bucket.isBlank() ? "day" : bucket;
        if (!BUCKETS.contains(b)) {
            errors.add(new Problem.FieldError("bucket", "must be day, week or month"));
        }
        return metrics.series(query(from, to, municipality, channel, team, errors), b);
    }

    @GET
    @Path("/definitions")
    @Operation(summary = "The KPI definitions and their version")
    public KpiSummary.Definitions definitions() {
        return new KpiSummary.Definitions(KpiDefinitions.VERSION, KpiDefinitions.ALL);
    }

    @GET
    @Path("/municipalities")
    @Operation(summary = "The caller's municipalities, from the access token (for the dashboard's filter)")
    public List<String> municipalities() {
        return metrics.municipalities(scope());
    }

    private MetricsQuery query(String from, String to, String municipality, String channel, String team,
            List<Problem.FieldError> errors) {
        LocalDate today = LocalDate.now(ZoneId.of(config.zone()));
        LocalDate toDay = date("to", to, errors);
        LocalDate fromDay = date("from", from, errors);
        if (toDay == null) {
            toDay = fromDay != null && to == null ? today.isBefore(fromDay) ? fromDay : today : today;
        }
        if (fromDay == null) {
            fromDay = toDay.minusDays(config.defaultPeriodDays() - 1L);
        }
        if (errors.stream().noneMatch(e -> e.field().equals("from") || e.field().equals("to"))) {
            if (fromDay.isAfter(toDay)) {
                errors.add(new Problem.FieldError("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > config.maxPeriodDays()) {
                errors.add(new Problem.FieldError("to", "the period may span at most " + config.maxPeriodDays() + " days"));
            }
        }
        String m = blankToNull(municipality);
        if (m != null && !MUNICIPALITY.matcher(m).matches()) {
            errors.add(new Problem.FieldError("municipality", "must be a CBS municipality code like GM0363"));
        }
        String c = blankToNull(channel);
        if (c != null && java.util.Arrays.stream(Channel.values()).noneMatch(v -> v.name().equals(c))) {
            errors.add(new Problem.FieldError("channel", "must be one of " + java.util.Arrays.toString(Channel.values())));
        }
        String t = blankToNull(team);
        if (t != null && (t.length() > 100 || !TEAM.matcher(t).matches())) {
            errors.add(new Problem.FieldError("team", "must be a team id (lower-case letters, digits and dashes)"));
        }
        if (!errors.isEmpty()) {
            throw new WebApplicationException(ProblemResponses.of(
                    Problem.invalid("The query parameters are not valid", errors)));
        }
        return new MetricsQuery(fromDay, toDay, MunicipalityScope.select(scope(), m), c, t);
    }

    /** The municipalities in the caller's token (GM codes). */
    private Set<String> scope() {
        return MunicipalityScope.of(callers.of(identity));
    }

    private static LocalDate date(String name, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be a date yyyy-MM-dd"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
