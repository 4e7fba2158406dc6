package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.CallbackStatus;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.Member;
import nl.loket.chainteam.domain.TeamSummary;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.chainteam.repository.CallbackRepository;
import nl.loket.chainteam.repository.HistoryRepository;
import nl.loket.chainteam.repository.WorkItemRepository;
import nl.loket.contracts.events.Channel;

/** What a team member may read: items, their history and call-backs, a team's queue, summary and call-backs. */
@ApplicationScoped
public class WorkItemQueries {

    private final ItemAccess access;
    private final WorkItemRepository items;
    private final HistoryRepository history;
    private final CallbackRepository callbacks;
    private final ChainTeamConfig config;
    private final Clock clock = Clock.systemUTC();

    public WorkItemQueries(ItemAccess access, WorkItemRepository items, HistoryRepository history,
            CallbackRepository callbacks, ChainTeamConfig config) {
        this.access = access;
        this.config = config;
        this.items = items;
        this.history = history;
        this.callbacks = callbacks;
    }

    @WithSession
    public Uni<WorkItem> item(String contactId, Member member) {
        return access.visibleItem(contactId, member);
    }

    @WithSession
    public Uni<List<HistoryEntry>> history(String contactId, Member member) {
        return access.visibleItem(contactId, member).chain(item -> history.of(item.contactId));
    }

    @WithSession
    public Uni<List<Callback>> callbacksOf(String contactId, Member member) {
        return access.visibleItem(contactId, member).chain(item -> callbacks.ofContact(item.contactId));
    }

    /** A page of the team's queue; {@code assignee}: only that member's items (null: everyone's). */
    @WithSession
    public Uni<WorkItemRepository.QueuePage> queue(String teamId, Member member, Set<WorkItemStatus> statuses,
            Boolean overdue, Channel channel, String productUri, String assignee, int page, int size) {
        ItemAccess.requireTeam(teamId, member);
        return items.queue(teamId, statuses, overdue, channel, productUri, assignee, clock.instant(), page, size);
    }

    /** The team's queue in figures and its version (members of the team only); "today" is the local calendar day. */
    @WithSession
    public Uni<TeamSummary> summary(String teamId, Member member) {
        ItemAccess.requireTeam(teamId, member);
        Instant now = clock.instant();
        return items.summary(teamId, now, endOfDay(now, config.zone()));
    }

    /** The start of the next local calendar day after {@code now}: the end of "due today". */
    static Instant endOfDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    @WithSession
    public Uni<List<Callback>> teamCallbacks(String teamId, Member member, CallbackStatus status, int page, int size) {
        ItemAccess.requireTeam(teamId, member);
        return callbacks.ofTeam(teamId, status, page, size);
    }
}
