package nl.loket.chainteam.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.CallbackStatus;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.chainteam.rest.ApiModels.CallbackView;
import nl.loket.chainteam.rest.ApiModels.ItemPage;
import nl.loket.chainteam.rest.ApiModels.TeamSummaryView;
import nl.loket.chainteam.service.PersonalDataReads;
import nl.loket.chainteam.service.ProblemException;
import nl.loket.chainteam.service.WorkItemQueries;
import nl.loket.contracts.events.Channel;
import nl.loket.kit.auth.Callers;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.privacy.Purpose;
import nl.loket.kit.http.Problem;
import nl.loket.kit.http.RunsToEnd;

/**
 * A team's queue, its summary and call-backs. Only members of the team: anyone else gets 403. A page shows the
 * personal data (or notes) of its contacts, so it is written to the processing log first, one entry per contact on
 * it; the summary shows figures only and is not.
 */
@RunsToEnd
@Path("/api/v1/teams/{teamId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
@SecurityRequirement(name = "jwt")
@Tag(name = "Team queues")
public class TeamResource {

    private final WorkItemQueries queries;
    private final SecurityIdentity identity;
    private final Callers callers;
    private final PersonalDataReads reads;

    public TeamResource(WorkItemQueries queries, SecurityIdentity identity, Callers callers,
            PersonalDataReads reads) {
        this.queries = queries;
        this.identity = identity;
        this.callers = callers;
        this.reads = reads;
    }

    @GET
    @Path("/items")
    @Operation(summary = "The team's work items, earliest due first",
            description = "Without status: OPEN, CLAIMED and CALLBACK_PENDING items. Ordered by due time, then receipt,"
                    + " then contact id.")
    public Uni<ItemPage> items(@PathParam("teamId") String teamId,
            @Parameter(description = "OPEN, CLAIMED, CALLBACK_PENDING, TRANSFER_REQUESTED, RESOLVED; comma-separated")
            @QueryParam("status") String status,
            @Parameter(description = "true: past the due time; false: not yet") @QueryParam("overdue") String overdue,
            @Parameter(description = "WEB_FORM, EMAIL, PHONE, COUNTER, CHAT, SOCIAL_MEDIA, LETTER")
            @QueryParam("channel") String channel,
            @Parameter(description = "product URI (UPL)") @QueryParam("product") String product,
            @Parameter(description = "true: only the items assigned to the caller") @QueryParam("mine") String mine,
            @Parameter(description = "only the items assigned to this member") @QueryParam("assignee") String assignee,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<WorkItemStatus> statuses = statuses(status, errors);
        Boolean overdueFilter = bool("overdue", overdue, errors);
        Channel channelFilter = enumValue("channel", channel, Channel.class, errors);
        Member member = member();
        String assigneeFilter = assignee(bool("mine", mine, errors), assignee, member, errors);
        int pageNumber = number("page", page, 0, 100_000, errors);
        int pageSize = number("size", size, 1, 100, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instant.now();
        return queries.queue(teamId, member, statuses, overdueFilter, channelFilter,
                product == null || product.isBlank() ? null : product, assigneeFilter, pageNumber, pageSize)
                .call(p -> logged("GET /api/v1/teams/{teamId}/items", p.items().stream().map(i -> i.contactId)))
                .map(p -> new ItemPage(p.items().stream().map(i -> ApiMapper.toApi(i, now)).toList(), pageNumber,
                        pageSize, p.total()));
    }

    @GET
    @Path("/callbacks")
    @Operation(summary = "Call-backs asked of the team or requested by it, earliest due first")
    public Uni<List<CallbackView>> callbacks(@PathParam("teamId") String teamId,
            @Parameter(description = "OPEN (default) or COMPLETED") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        CallbackStatus st = enumValue("status", status, CallbackStatus.class, errors);
        int pageNumber = number("page", page, 0, 100_000, errors);
        int pageSize = number("size", size, 1, 100, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return queries.teamCallbacks(teamId, member(), st == null ? CallbackStatus.OPEN : st, pageNumber,
                pageSize).call(l -> logged("GET /api/v1/teams/{teamId}/callbacks", l.stream().map(c -> c.contactId)))
                .map(list -> list.stream().map(ApiMapper::toApi).toList());
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The team's queue in figures, with a version that changes with every change to it",
            description = "open (OPEN, CLAIMED, CALLBACK_PENDING), unassigned (OPEN), overdue, dueToday (later today,"
                    + " Europe/Amsterdam), callbacksOpen (asked of the team or requested by it), callbacksDue (due by"
                    + " now); version: opaque, changes whenever an item of the team arrives, moves in or out, is"
                    + " claimed, released, settled or transferred, or a call-back is requested or completed.")
    public Uni<TeamSummaryView> summary(@PathParam("teamId") String teamId) {
        // figures only, no contact's data: not written to the processing log
        return queries.summary(teamId, member()).map(ApiMapper::toApi);
    }

    /** The assignee filter: the caller with {@code mine=true}, else {@code assignee} (blank: none). */
    private static String assignee(Boolean mine, String assignee, Member member, List<Problem.FieldError> errors) {
        String named = assignee == null || assignee.isBlank() ? null : assignee.trim();
        if (named != null && named.length() > 200) {
            errors.add(new Problem.FieldError("assignee", "must be at most 200 characters"));
        }
        if (Boolean.TRUE.equals(mine)) {
            if (named != null && !named.equals(member.id())) {
                errors.add(new Problem.FieldError("assignee", "must be empty or your own name with mine=true"));
            }
            return member.id();
        }
        return named;
    }

    private static Set<WorkItemStatus> statuses(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return WorkItemStatus.ACTIVE;
        }
        Set<WorkItemStatus> statuses = EnumSet.noneOf(WorkItemStatus.class);
        for (String part : value.split(",")) {
            WorkItemStatus s = enumValue("status", part.trim(), WorkItemStatus.class, errors);
            if (s != null) {
                statuses.add(s);
            }
        }
        return statuses;
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type,
            List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static Boolean bool(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new Problem.FieldError(field, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static int number(String field, String value, int min, int max, List<Problem.FieldError> errors) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                errors.add(new Problem.FieldError(field, "must be between " + min + " and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a number"));
            return min;
        }
    }

    /** The signed-in member: name, organisation and teams from the verified access token. */
    private Member member() {
        return ApiMapper.toMember(callers.of(identity));
    }

    /** Writes to the processing log that the signed-in member is shown these contacts (an empty page: nothing). */
    private Uni<Void> logged(String endpoint, Stream<String> contactIds) {
        return reads.shown(callers.of(identity), Purpose.QUEUE_OVERVIEW, endpoint, contactIds.distinct().toList());
    }
}
