package nl.loket.routing.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.db.Columns;

/**
 * Routing's personal data, found by the citizen's global reference, and its erasure. Personal fields live in the
 * stored documents only: {@code routed_contact.contact_json} (subject, text, citizen) and, for transfers (and first
 * decisions stored before V3), {@code routing_decision.assigned_json} (subject, text, citizen, transferReason); plus
 * the {@code citizen_ref} column. Erasure removes those keys and the column's value; decisions, teams, times and
 * reasons (which name only teams and matched knowledge) stay. Every method joins the caller's session and
 * transaction, so that an erasure and its processing-log entry commit together.
 */
@ApplicationScoped
public class PersonalDataRepository {

    /** The citizen's contacts with their first decision (own row, or the hop-0 row stored before V3). */
    private static final String CONTACTS_OF = "select c.contact_id, c.contact_json, c.personal_data_erased_at, "
            + "coalesce(c.team_id, d.team_id), coalesce(c.tier, d.tier), "
            + "coalesce(c.reason, d.reason, cast(d.routed_json as jsonb) ->> 'reason'), "
            + "coalesce(c.routed_at, d.routed_at) "
            + "from routed_contact c left join routing_decision d on c.team_id is null and d.id = c.contact_id || '#0' "
            + "where c.citizen_ref = ?1 order by c.received_at, c.contact_id";
    private static final String TRANSFERS_OF = "select contact_id, hop, team_id, tier, "
            + "coalesce(reason, cast(routed_json as jsonb) ->> 'reason'), routed_at, routed_json, assigned_json "
            + "from routing_decision where contact_id in (?1) and hop > 0 order by contact_id, hop";
    private static final String LOCK_CONTACTS_OF = "select contact_id from routed_contact where citizen_ref = ?1 "
            + "order by contact_id for update";
    private static final String LOCK_EXPIRED = "select contact_id from routed_contact "
            + "where received_at < ?1 and personal_data_erased_at is null "
            + "order by received_at limit ?2 for update skip locked";
    private static final String ERASE_CONTACTS = "update routed_contact "
            + "set contact_json = cast(cast(contact_json as jsonb) - 'subject' - 'text' - 'citizen' as text), "
            + "citizen_ref = null, personal_data_erased_at = ?2 where contact_id in (?1)";
    private static final String ERASE_DECISIONS = "update routing_decision "
            + "set assigned_json = cast(cast(assigned_json as jsonb) - 'subject' - 'text' - 'citizen' - 'transferReason' "
            + "as text) where contact_id in (?1) and assigned_json is not null";

    /** A contact of the citizen with its first decision, as stored. */
    public record ContactRow(String contactId, String contactJson, Instant erasedAt, String teamId, String tier,
            String reason, Instant routedAt) {
    }

    /** A transfer (hop 1 and up) as stored. */
    public record TransferRow(String contactId, int hop, String teamId, String tier, String reason, Instant routedAt,
            String routedJson, String assignedJson) {
    }

    /** The contacts whose global citizen reference is {@code citizenRef}, oldest first. */
    public Uni<List<ContactRow>> contactsOf(String citizenRef) {
        return rows(CONTACTS_OF, citizenRef).map(rows -> rows.stream().map(r -> new ContactRow((String) r[0],
                (String) r[1], Columns.instant(r[2]), (String) r[3], (String) r[4], (String) r[5], Columns.instant(r[6])))
                .toList());
    }

    /** The transfers of these contacts, by contact and hop. */
    public Uni<List<TransferRow>> transfersOf(List<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rows(TRANSFERS_OF, contactIds).map(rows -> rows.stream().map(r -> new TransferRow((String) r[0],
                ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4], Columns.instant(r[5]),
                (String) r[6], (String) r[7])).toList());
    }

    /** Locks (for update) the contacts of the citizen with this global reference; their ids. */
    public Uni<List<String>> lockContactsOf(String citizenRef) {
        return ids(LOCK_CONTACTS_OF, citizenRef, null);
    }

    /**
     * Locks (for update, skipping rows locked by others) up to {@code limit} contacts received before {@code before}
     * whose personal data is still there; their ids.
     */
    public Uni<List<String>> lockExpired(Instant before, int limit) {
        return ids(LOCK_EXPIRED, before.atOffset(ZoneOffset.UTC), limit);
    }

    /** Erases the personal fields of these contacts and of their stored decisions' events; how many contacts. */
    public Uni<Integer> erase(List<String> contactIds, Instant now) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(ERASE_CONTACTS)
                .setParameter(1, contactIds).setParameter(2, now.atOffset(ZoneOffset.UTC)).executeUpdate()
                .call(() -> session.createNativeQuery(ERASE_DECISIONS).setParameter(1, contactIds).executeUpdate()));
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> rows(String sql, Object parameter) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, parameter)
                .getResultList()).map(rows -> (List<Object[]>) (List<?>) rows);
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<String>> ids(String sql, Object first, Object second) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter(1, first);
            if (second != null) {
                query.setParameter(2, second);
            }
            return query.getResultList();
        }).map(rows -> ((List<Object>) (List<?>) rows).stream().map(String::valueOf).toList());
    }
}
