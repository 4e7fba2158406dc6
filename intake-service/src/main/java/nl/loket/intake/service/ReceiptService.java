package nl.loket.intake.service;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.repository.ContactReceiptRepository;

/** The transactions around a receipt. Publishing happens between them, never inside one. */
@ApplicationScoped
public class ReceiptService {

    private final ContactReceiptRepository receipts;

    public ReceiptService(ContactReceiptRepository receipts) {
        this.receipts = receipts;
    }

    @WithSession
    public Uni<ContactReceipt> findByKey(String adapterId, String idempotencyKey) {
        return receipts.findByIdempotencyKey(adapterId, idempotencyKey);
    }

    /** The receipt of {@code adapterId}'s own contact; null when unknown or another adapter's. */
    @WithSession
    public Uni<ContactReceipt> findOwn(String adapterId, String contactId) {
        return receipts.findByIdAndAdapter(contactId, adapterId);
    }

    /** Deletes published receipts accepted before {@code cutoff}; PENDING ones stay until they are published. */
    @WithTransaction
    public Uni<Long> purgePublishedBefore(Instant cutoff) {
        return receipts.deletePublishedAcceptedBefore(cutoff);
    }
}
