package nl.loket.chainteam.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place that knows which columns of this service hold personal data, and erases them (NULL, never a fake
 * value) in the caller's transaction:
 * <ul>
 * <li>{@code work_item}: subject, text, citizen ref, name, e-mail and phone, the routing reason (it quotes the
 * citizen's words, case reference and the transfer reason) and the transfer reason;</li>
 * <li>{@code callback}: note and completion note;</li>
 * <li>{@code work_item_event}: every note, and the reason of ASSIGNED (routing or transfer reason) and
 * TRANSFER_REQUESTED (the agent's reason) entries; the other reasons are the service's own words ("reached",
 * "hop 2 not above current hop 2");</li>
 * <li>{@code outbox_event}: rows of the contact already published (a ContactTransferRequested carries the reason);
 * unsent rows stay until the relay has published them.</li>
 * </ul>
 * The facts stay: ids, team, tier, hop, channel, municipality, language, product, routing's knowledge article and
 * confidence, case reference, times, status, assignee, outcome, who did what and when. An erased item's version is raised, so a change that read it before the
 * erasure fails its optimistic lock and is retried on the erased item instead of writing the fields back.
 */
@ApplicationScoped
public class PersonalDataRepository {

    static final String EXISTING = "select contact_id from work_item where contact_id in (?1) order by contact_id";
    static final String RESOLVED_BEFORE = "select contact_id from work_item where status = 'RESOLVED'"
            + " and resolved_at < ?1 and personal_data_erased_at is null order by resolved_at limit ?2"
            + " for update skip locked";
    static final String ERASE_ITEMS = "update work_item set subject = null, text = null, citizen_ref = null,"
            + " citizen_name = null, citizen_email = null, citizen_phone = null, routing_reason = null,"
            + " transfer_reason = null, personal_data_erased_at = coalesce(personal_data_erased_at, ?1),"
            + " version = version + 1 where contact_id in (?2)";
    static final String ERASE_CALLBACKS = "update callback set note = null, completion_note = null"
            + " where contact_id in (?1) and (note is not null or completion_note is not null)";
    static final String ERASE_HISTORY = "update work_item_event set note = null,"
            + " reason = case when action in ('ASSIGNED', 'TRANSFER_REQUESTED') then null else reason end"
            + " where contact_id in (?1) and (note is not null"
            + " or (reason is not null and action in ('ASSIGNED', 'TRANSFER_REQUESTED')))";
    static final String DELETE_SENT_EVENTS = "delete from outbox_event where message_key in (?1)"
            + " and sent_at is not null";

    /** Those of {@code contactIds} this service holds a work item of, in id order. */
    public Uni<List<String>> existing(Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(EXISTING, String.class)
                .setParameter(1, List.copyOf(contactIds)).getResultList());
    }

    /**
     * Up to {@code limit} RESOLVED items resolved before {@code before} whose personal fields are still there, oldest
     * resolution first; locked for the caller's transaction (rows another replica's job holds are skipped).
     */
    public Uni<List<String>> resolvedBefore(Instant before, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RESOLVED_BEFORE, String.class)
                .setParameter(1, before.atOffset(ZoneOffset.UTC)).setParameter(2, limit).getResultList());
    }

    /** Erases the personal fields of these contacts' work items, call-backs, history and published events. */
    public Uni<Void> erase(Collection<String> contactIds, Instant at) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = List.copyOf(contactIds);
        return Panache.getSession().chain(s -> s.createNativeQuery(ERASE_ITEMS)
                .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, ids).executeUpdate()
                .chain(() -> s.createNativeQuery(ERASE_CALLBACKS).setParameter(1, ids).executeUpdate())
                .chain(() -> s.createNativeQuery(ERASE_HISTORY).setParameter(1, ids).executeUpdate())
                .chain(() -> s.createNativeQuery(DELETE_SENT_EVENTS).setParameter(1, ids).executeUpdate()))
                .replaceWithVoid();
    }
}
