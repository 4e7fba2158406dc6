package nl.loket.intake.service;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.HeldContact;
import nl.loket.intake.domain.ReceiptStatus;
import nl.loket.intake.repository.ContactReceiptRepository;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.privacy.ProcessingLog;
import nl.loket.kit.privacy.Purpose;
import nl.loket.kit.privacy.Redactor;

/**
 * A citizen's requests under the AVG (art. 15 inzage, art. 17 erasure), as far as intake holds their data: the
 * receipts it keeps for the idempotency window (published ones up to {@code idempotency-retention}, PENDING ones until
 * published), found by the pseudonymous citizen reference in the stored event. The BSN itself is never stored, so an
 * operator first turns it into that reference. Every request is written to the processing log in the same
 * transaction, before it is answered.
 */
@ApplicationScoped
public class DataSubjectRequests {

    private final ContactReceiptRepository receipts;
    private final ReceiptEvents events;
    private final Pseudonymizer pseudonymizer;
    private final ProcessingLog processingLog;

    public DataSubjectRequests(ContactReceiptRepository receipts, ReceiptEvents events, Pseudonymizer pseudonymizer,
            ProcessingLog processingLog) {
        this.receipts = receipts;
        this.events = events;
        this.pseudonymizer = pseudonymizer;
        this.processingLog = processingLog;
    }

    /** The citizen reference of a BSN (valid by the 11-proef), as every service knows the citizen; logged without a contact. */
    @WithTransaction
    public Uni<String> citizenRef(Caller caller, String endpoint, String requestId, String bsn) {
        String ref = pseudonymizer.citizenRef(bsn);
        return processingLog.record(caller, Purpose.SUBJECT_ACCESS, endpoint, requestId, List.of()).replaceWith(ref);
    }

    /** Everything intake holds of the citizen's contacts (inzage); logged per contact found. */
    @WithTransaction
    public Uni<List<HeldContact>> inzage(Caller caller, String endpoint, String requestId, String citizenRef) {
        return receipts.findByCitizenRef(citizenRef)
                .map(found -> found.stream().map(r -> new HeldContact(r.status, events.fromJson(r.eventData))).toList())
                .call(held -> processingLog.record(caller, Purpose.SUBJECT_ACCESS, endpoint, requestId,
                        held.stream().map(h -> h.event().contactId()).toList()));
    }

    /**
     * Erases the personal fields (subject, text, the citizen's name, e-mail, phone and reference) from the stored
     * events of the citizen's contacts; the facts (ids, municipality, channel, times, status) stay. A PENDING receipt
     * is still published, without them. Returns the contact ids erased; a second request finds nothing (the
     * reference is gone) and erases nothing more.
     */
    @WithTransaction
    public Uni<List<String>> erase(Caller caller, String endpoint, String requestId, String citizenRef) {
        return receipts.lockByCitizenRef(citizenRef)
                .map(found -> found.stream().map(this::erase).toList())
                .call(erased -> processingLog.record(caller, Purpose.SUBJECT_ERASURE, endpoint, requestId, erased))
                .invoke(erased -> Log.infof("Erased the personal fields of %d contact(s) on a data-subject request",
                        erased.size()));
    }

    /** Replaces the stored event (flushed at commit); returns the contact id. */
    private String erase(ContactReceipt receipt) {
        receipt.eventData = events.toJson(withoutPersonalFields(events.fromJson(receipt.eventData)));
        if (receipt.status == ReceiptStatus.PENDING) {
            Log.infof("Contact %s is erased while PENDING: it is published without its personal fields", receipt.contactId);
        }
        return receipt.contactId;
    }

    /** The text is required by the contract: a PENDING receipt is still published, with the erasure marker. */
    static ContactReceived withoutPersonalFields(ContactReceived e) {
        return new ContactReceived(e.contactId(), e.municipality(), e.channel(), e.receivedAt(), e.acceptedAt(),
                null, Redactor.ERASED_MARKER, e.language(), null, e.caseReference(), e.productCode(), e.ivrChoice(), e.deskTopic(),
                e.followUpOf(), e.adapterId(), e.externalReference());
    }
}
