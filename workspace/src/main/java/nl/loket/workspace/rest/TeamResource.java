package nl.loket.workspace.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Roles;
import nl.loket.workspace.rest.ApiModels.Callback;
import nl.loket.workspace.rest.ApiModels.ItemPage;
import nl.loket.workspace.rest.ApiModels.QueueEvent;
import nl.loket.workspace.rest.ApiModels.Team;
import nl.loket.workspace.service.LiveQueue;
import nl.loket.workspace.service.QueueService;
import nl.loket.workspace.service.Refusal;
import nl.loket.workspace.service.TeamDirectory;

/** The teams: every team (transfer list), a team's queue and call-backs, and its live queue events. */
@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENT)
public class TeamResource {

    /** The SSE event name of a queue change. */
    static final String QUEUE_EVENT = "queue";

    private final TeamDirectory teams;
    private final QueueService queues;
    private final LiveQueue live;
    private final ApiMapper mapper;
    private final SignedIn signedIn;

    public TeamResource(TeamDirectory teams, QueueService queues, LiveQueue live, ApiMapper mapper,
            SignedIn signedIn) {
        this.teams = teams;
        this.queues = queues;
        this.live = live;
        this.mapper = mapper;
        this.signedIn = signedIn;
    }

    @GET
    public Uni<List<Team>> all() {
        return teams.all(signedIn.bearer()).map(all -> all.stream().map(mapper::toApi).toList());
    }

    @GET
    @Path("/{teamId}/items")
    public Uni<ItemPage> items(@PathParam("teamId") String teamId, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("overdue") String overdue,
            @QueryParam("mine") @DefaultValue("false") boolean mine, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return queues.items(signedIn.bearer(), teamId, status, channel, overdue, mine, page, size).map(mapper::toApi);
    }

    @GET
    @Path("/{teamId}/callbacks")
    public Uni<List<Callback>> callbacks(@PathParam("teamId") String teamId, @QueryParam("status") String status) {
        return queues.callbacks(signedIn.bearer(), teamId, status).map(mapper::callbacks);
    }

    /**
     * Server-sent events {@code queue} with {@code {teamId, open, version}}: at once, then whenever the team's queue
     * changes. Ends before the access token expires; the browser's EventSource reconnects.
     */
    @GET
    @Path("/{teamId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@PathParam("teamId") String teamId, @Context Sse sse) {
        if (!signedIn.caller().isMemberOf(teamId)) {
            throw new Refusal(403, "Dit is niet de wachtrij van uw team", "Not a member of the team");
        }
        return live.changes(teamId, signedIn.accessToken())
                .map(summary -> sse.newEventBuilder().name(QUEUE_EVENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(QueueEvent.class, mapper.toApi(summary, teamId)).build());
    }
}
