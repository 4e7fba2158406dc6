package nl.loket.intake.repository;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.ReceiptStatus;

@ApplicationScoped
public class ContactReceiptRepository implements PanacheRepositoryBase<ContactReceipt, String> {

    public Uni<ContactReceipt> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }

    public Uni<Integer> markPublished(String contactId) {
        return update("status = ?1 where contactId = ?2", ReceiptStatus.PUBLISHED, contactId);
    }

    public Uni<Long> deleteAcceptedBefore(Instant cutoff) {
        return delete("acceptedAt < ?1", cutoff);
    }
}
