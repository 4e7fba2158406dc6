package nl.loket.intake.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.ReceiptStatus;

@ApplicationScoped
public class ContactReceiptRepository implements PanacheRepositoryBase<ContactReceipt, String> {

    /** Expression index {@code contact_receipt_citizen_ref} (Flyway V5). */
    private static final String CITIZEN_RECEIPTS = "select * from contact_receipt"
            + " where event_data -> 'citizen' ->> 'citizenRef' = ?1 order by accepted_at, contact_id";

    /** The receipt of {@code adapterId}'s request with this key; keys are scoped per adapter. */
    public Uni<ContactReceipt> findByIdempotencyKey(String adapterId, String key) {
        return find("adapterId = ?1 and idempotencyKey = ?2", adapterId, key).firstResult();
    }

    /** The receipt of a contact that {@code adapterId} handed in; null for another adapter's contact. */
    public Uni<ContactReceipt> findByIdAndAdapter(String contactId, String adapterId) {
        return find("contactId = ?1 and adapterId = ?2", contactId, adapterId).firstResult();
    }

    /**
     * Locks up to {@code limit} PENDING receipts accepted before {@code cutoff}, oldest first, skipping those another
     * transaction holds ({@code FOR UPDATE SKIP LOCKED}): two replicas never claim the same receipt. The locks last
     * until the caller's transaction ends.
     */
    public Uni<List<ContactReceipt>> claimPending(Instant cutoff, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select * from contact_receipt where status = 'PENDING' and accepted_at < ?1"
                                + " order by accepted_at limit ?2 for update skip locked", ContactReceipt.class)
                .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                .setParameter(2, limit)
                .getResultList());
    }

    /** The receipts whose stored event names the citizen {@code citizenRef}, oldest first. */
    public Uni<List<ContactReceipt>> findByCitizenRef(String citizenRef) {
        return getSession().chain(session -> session.createNativeQuery(CITIZEN_RECEIPTS, ContactReceipt.class)
                .setParameter(1, citizenRef)
                .getResultList());
    }

    /**
     * {@link #findByCitizenRef}, locked until the caller's transaction ends ({@code FOR UPDATE}): a re-publishing round
     * skips them meanwhile, and one that holds them is waited for.
     */
    public Uni<List<ContactReceipt>> lockByCitizenRef(String citizenRef) {
        return getSession().chain(session -> session.createNativeQuery(CITIZEN_RECEIPTS + " for update", ContactReceipt.class)
                .setParameter(1, citizenRef)
                .getResultList());
    }

    /** Published receipts only: a PENDING one is kept until it is on Kafka. */
    public Uni<Long> deletePublishedAcceptedBefore(Instant cutoff) {
        return delete("status = ?1 and acceptedAt < ?2", ReceiptStatus.PUBLISHED, cutoff);
    }
}
