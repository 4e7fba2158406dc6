package nl.loket.chainteam.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.TeamSummary;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.contracts.events.Channel;

@ApplicationScoped
@WithSession
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, String> {

    /** A queue's order: due time (none last), receipt, contact id. */
    static final Sort QUEUE_ORDER = Sort.by("dueAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
            .and("receivedAt").and("contactId");

    /** One page of a team's queue, earliest due first. */
    public record QueuePage(List<WorkItem> items, long total) {
    }

    /**
     * The team summary in one statement: the figures of the team's open items (OPEN, CLAIMED, CALLBACK_PENDING) and
     * open call-backs (asked of the team or requested by it), and as its version a digest of
     * <ul>
     * <li>the state of every unsettled item of the team: id and row version, which Hibernate raises with every change;
     * an item that arrives, moves out or is settled changes the set;</li>
     * <li>every open call-back of the team (requested: it joins the set; completed: it leaves);</li>
     * <li>the figures (an item passing its due time changes them);</li>
     * <li>the team's latest history entry (its id): so the version also moves on when the state returns to an earlier
     * one (the last item leaves, the queue is empty again).</li>
     * </ul>
     * The highest history id alone would not do: a sequence value is taken before the commit, so a change committed
     * after another one with a higher id would go unseen; the state digest does not depend on commit order.
     */
    static final String SUMMARY = "select w.open, w.unassigned, w.overdue, w.due_today, c.open as callbacks_open,"
            + " c.due as callbacks_due, md5(concat_ws('|', w.open, w.unassigned, w.overdue, w.due_today, c.open, c.due,"
            + " w.state, c.state, (select coalesce(max(id), 0) from work_item_event where team_id = :team)))"
            + " as version"
            + " from (select count(*) filter (where status in ('OPEN', 'CLAIMED', 'CALLBACK_PENDING')) as open,"
            + " count(*) filter (where status = 'OPEN') as unassigned,"
            + " count(*) filter (where status in ('OPEN', 'CLAIMED', 'CALLBACK_PENDING') and due_at < :now) as overdue,"
            + " count(*) filter (where status in ('OPEN', 'CLAIMED', 'CALLBACK_PENDING') and due_at >= :now"
            + " and due_at < :endOfDay) as due_today,"
            + " coalesce(string_agg(contact_id || ':' || version, ',' order by contact_id), '') as state"
            + " from work_item where team_id = :team and status <> 'RESOLVED') w,"
            + " (select count(*) as open, count(*) filter (where due_at <= :now) as due,"
            + " coalesce(string_agg(callback_id, ',' order by callback_id), '') as state"
            + " from callback where (team_id = :team or target_team_id = :team) and status = 'OPEN') c";

    /** The figures and the version of a team's queue at {@code now}; due today = before {@code endOfDay}. */
    public Uni<TeamSummary> summary(String teamId, Instant now, Instant endOfDay) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SUMMARY, Object[].class)
                .setParameter("team", teamId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("endOfDay", endOfDay.atOffset(ZoneOffset.UTC))
                .getSingleResult())
                .map(r -> new TeamSummary(teamId, count(r[0]), count(r[1]), count(r[2]), count(r[3]), count(r[4]),
                        count(r[5]), (String) r[6]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * One page of a team's queue: by due time (none last), then receipt, then contact id, so a page boundary is
     * stable. {@code assignee}: only the items of that member (null: everyone's).
     */
    public Uni<QueuePage> queue(String teamId, Set<WorkItemStatus> statuses, Boolean overdue, Channel channel,
            String productUri, String assignee, Instant now, int page, int size) {
        StringBuilder query = new StringBuilder("teamId = :team and status in :statuses");
        Parameters params = Parameters.with("team", teamId).and("statuses", statuses);
        if (overdue != null) {
            query.append(overdue ? " and dueAt < :now" : " and dueAt >= :now");
            params.and("now", now);
        }
        if (channel != null) {
            query.append(" and channel = :channel");
            params.and("channel", channel);
        }
        if (productUri != null) {
            query.append(" and productUri = :product");
            params.and("product", productUri);
        }
        if (assignee != null) {
            query.append(" and assignee = :assignee");
            params.and("assignee", assignee);
        }
        var found = find(query.toString(), QUEUE_ORDER, params);
        return found.page(Page.of(page, size)).list()
                .chain(items -> found.count().map(total -> new QueuePage(items, total)));
    }

    /** The work items of these contacts (those this service holds), in contact id order. */
    public Uni<List<WorkItem>> ofContacts(Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("contactId in ?1", Sort.by("contactId"), contactIds);
    }

    /** Unresolved items whose DeadlineApproaching is due and not yet emitted (breached ones excluded). */
    public Uni<List<WorkItem>> approaching(Instant now, int limit) {
        return find("status <> :resolved and approachingNotified = false and approachingAt <= :now and dueAt > :now",
                Sort.by("approachingAt"), Parameters.with("resolved", WorkItemStatus.RESOLVED).and("now", now))
                .page(0, limit).list();
    }

    /** Unresolved items past their due time whose DeadlineBreached is not yet emitted. */
    public Uni<List<WorkItem>> breached(Instant now, int limit) {
        return find("status <> :resolved and breachedNotified = false and dueAt <= :now",
                Sort.by("dueAt"), Parameters.with("resolved", WorkItemStatus.RESOLVED).and("now", now))
                .page(0, limit).list();
    }
}
