package nl.loket.kit.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Caller;

/**
 * The processing log (VNG Verwerkingenlogging) in the service's {@code processing_log} table: who read which
 * contact's personal data, when, through which endpoint and why. A service calls {@link #record} in the same reactive
 * chain as the read, before it answers, so a read that is not logged is not answered. Entries hold ids and the
 * employee's name, never the personal data itself.
 */
@ApplicationScoped
@IfBuildProperty(name = "loket.kit.processing-log.enabled", stringValue = "true")
public class ProcessingLog {

    static final int ROWS_PER_STATEMENT = 500;
    private static final int COLUMNS_PER_ROW = 8;
    private static final String INSERT = "insert into processing_log "
            + "(logged_at, actor, organisation, roles, purpose, endpoint, request_id, contact_id) values ";
    static final String PURGE = "delete from processing_log where id in "
            + "(select id from processing_log where logged_at < ?1 limit ?2)";

    /**
     * Logs that {@code caller} read the personal data of {@code contactIds} (one entry per contact; none → one entry
     * without a contact, e.g. a data-subject request that found nothing). Joins the caller's session and transaction,
     * so it needs one: call it inside {@code @WithTransaction} / {@code @WithSession} (or {@code Panache.with…}); a
     * REST resource method alone opens none.
     */
    public Uni<Void> record(Caller caller, Purpose purpose, String endpoint, String requestId,
            Collection<String> contactIds) {
        List<String> ids = contactIds == null || contactIds.isEmpty() ? java.util.Collections.singletonList(null)
                : List.copyOf(new TreeSet<>(contactIds));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        String roles = String.join(",", new TreeSet<>(caller.roles()));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> insert(chunk, at, caller, roles, purpose,
                        clip(endpoint, 300), clip(requestId, 100)))
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> insert(List<String> contactIds, OffsetDateTime at, Caller caller, String roles,
            Purpose purpose, String endpoint, String requestId) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int i = 0; i < contactIds.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= COLUMNS_PER_ROW; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(i * COLUMNS_PER_ROW + c);
            }
            sql.append(')');
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < contactIds.size(); i++) {
                int p = i * COLUMNS_PER_ROW;
                query.setParameter(p + 1, at);
                query.setParameter(p + 2, clip(caller.name(), 200));
                query.setParameter(p + 3, clip(caller.organisation(), 200));
                query.setParameter(p + 4, clip(roles, 200));
                query.setParameter(p + 5, purpose.name());
                query.setParameter(p + 6, endpoint);
                query.setParameter(p + 7, requestId);
                query.setParameter(p + 8, contactIds.get(i));
            }
            return query.executeUpdate();
        });
    }

    /** Entries matching every given filter, newest first, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public Uni<List<ProcessingLogEntry>> find(Optional<String> contactId, Optional<String> actor,
            Optional<Purpose> purpose, Optional<Instant> from, Optional<Instant> to, int limit) {
        StringBuilder sql = new StringBuilder("select " + ProcessingLogEntry.COLUMNS + " from processing_log where true");
        List<Object> params = new ArrayList<>();
        contactId.ifPresent(v -> params.add(condition(sql, "contact_id = ?", params, v)));
        actor.ifPresent(v -> params.add(condition(sql, "actor = ?", params, v)));
        purpose.ifPresent(v -> params.add(condition(sql, "purpose = ?", params, v.name())));
        from.ifPresent(v -> params.add(condition(sql, "logged_at >= ?", params, v.atOffset(ZoneOffset.UTC))));
        to.ifPresent(v -> params.add(condition(sql, "logged_at < ?", params, v.atOffset(ZoneOffset.UTC))));
        sql.append(" order by logged_at desc, id desc limit ?").append(params.size() + 1);
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            query.setParameter(params.size() + 1, limit);
            return query.getResultList();
        })).map(rows -> ((List<Object[]>) (List<?>) rows).stream().map(ProcessingLogEntry::of).toList());
    }

    /** Deletes up to {@code limit} entries logged before {@code before}, in a transaction of its own. */
    public Uni<Integer> purgeBefore(Instant before, int limit) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(PURGE)
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate()));
    }

    private static Object condition(StringBuilder sql, String clause, List<Object> params, Object value) {
        sql.append(" and ").append(clause).append(params.size() + 1);
        return value;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
