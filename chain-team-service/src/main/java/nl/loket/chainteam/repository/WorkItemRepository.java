package nl.loket.chainteam.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.domain.WorkItemStatus;
import nl.loket.contracts.events.Channel;

@ApplicationScoped
@WithSession
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, String> {

    /** One page of a team's queue, earliest due first. */
    public record QueuePage(List<WorkItem> items, long total) {
    }

    public Uni<QueuePage> queue(String teamId, Set<WorkItemStatus> statuses, Boolean overdue, Channel channel,
            String productUri, Instant now, int page, int size) {
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
        var found = find(query.toString(), Sort.by("dueAt").and("contactId"), params);
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
