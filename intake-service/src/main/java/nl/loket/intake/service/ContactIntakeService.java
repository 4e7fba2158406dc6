package nl.loket.intake.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.intake.config.IntakeConfig;
import nl.loket.intake.domain.ContactReceipt;
import nl.loket.intake.domain.ContactSubmission;
import nl.loket.intake.domain.ReceiptStatus;
import nl.loket.intake.messaging.ContactReceivedPublisher;
import nl.loket.intake.repository.PendingReceipts;
import nl.loket.intake.repository.PublishedMarks;

/**
 * Accepts a contact: de-duplicates by idempotency key, takes BSNs and IBANs out of its free text
 * ({@link FreeTextRedaction}), stores a receipt, publishes ContactReceived and waits for the broker's
 * acknowledgement. A receipt is stored before publishing, so a retry after a failed or unanswered
 * publish republishes the very same event (same contact id, same event id) instead of losing or doubling it; a
 * receipt nobody retries is re-published by {@link ReceiptRepublisher}. Every contact and receipt belongs to the
 * channel adapter that handed it in (the signed-in adapter's id, passed in by the resource).
 */
@ApplicationScoped
public class ContactIntakeService {

    private static final String DEFAULT_LANGUAGE = "nl";

    /** Field order and formatting must not change the fingerprint of a body. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ReceiptService receipts;
    private final ContactReceivedPublisher publisher;
    private final Pseudonymizer pseudonymizer;
    private final ReceiptEvents events;
    private final FreeTextRedaction redaction;
    private final IntakeConfig.Signals signals;
    private final PublishedMarks marks;
    private final PendingReceipts pending;

    public ContactIntakeService(ReceiptService receipts, ContactReceivedPublisher publisher, Pseudonymizer pseudonymizer,
            ReceiptEvents events, FreeTextRedaction redaction, IntakeConfig config, PendingReceipts pending, PublishedMarks marks) {
        this.pending = pending;
        this.marks = marks;
        this.receipts = receipts;
        this.publisher = publisher;
        this.pseudonymizer = pseudonymizer;
        this.events = events;
        this.redaction = redaction;
        this.signals = config.signals();
    }

    /**
     * Accepts {@code submitted} from the signed-in adapter {@code adapterId}. The body's {@code adapterId}, when it
     * names one, must be that adapter (a body without one is taken as that adapter's); {@code ivrChoice} and
     * {@code deskTopic} only from the adapters configured for them ({@link IntakeConfig.Signals}); otherwise
     * {@link ContactNotAllowedException}. Idempotency keys are the adapter's own: another adapter's key is another key.
     *
     * <p>The fingerprint is taken of the request as handed in, before redaction: a retry of the same request is the
     * same (redaction is deterministic), and the same key with a body that differs only in a redacted number is another
     * body (422), as the adapter sent it. It is a keyed hash, so the BSN and free text cannot be read back from it.
     */
    public Uni<Acceptance> accept(String adapterId, ContactSubmission submitted, String idempotencyKey) {
        ContactSubmission request;
        try {
            request = asHandedInBy(adapterId, submitted);
        } catch (ContactNotAllowedException e) {
            return Uni.createFrom().failure(e);
        }
        String key = effectiveKey(request, idempotencyKey);
        String fingerprint = pseudonymizer.fingerprint(canonical(request));
        // stored unless the adapter's key has a receipt already (one statement): then this is a retry, answered from it
        return acceptNew(adapterId, request, key, fingerprint)
                .onItem().ifNull().switchTo(() -> receipts.findByKey(adapterId, key).flatMap(existing -> existing != null
                        ? replay(existing, fingerprint)
                        : Uni.createFrom().failure(new IllegalStateException("The receipt of a key vanished"))));
    }

    /** The receipt of {@code adapterId}'s own contact; null when unknown, purged, or another adapter's. */
    public Uni<ContactReceipt> find(String adapterId, String contactId) {
        return receipts.findOwn(adapterId, contactId);
    }

    /** The submission as the signed-in adapter's, or why that adapter may not hand it in. */
    ContactSubmission asHandedInBy(String adapterId, ContactSubmission submitted) {
        if (adapterId == null || adapterId.isBlank()) {
            throw new ContactNotAllowedException("The token names no channel adapter (adapter_id)");
        }
        if (submitted.adapterId() != null && !submitted.adapterId().equals(adapterId)) {
            // the value handed in is not echoed (problem details never repeat input); the token's adapter is named
            throw new ContactNotAllowedException("adapterId is not the signed-in adapter '" + adapterId + "'");
        }
        if (notBlank(submitted.ivrChoice()) && !signals.ivrChoiceAdapters().contains(adapterId)) {
            throw new ContactNotAllowedException("Adapter '" + adapterId + "' may not set ivrChoice");
        }
        if (notBlank(submitted.deskTopic()) && !signals.deskTopicAdapters().contains(adapterId)) {
            throw new ContactNotAllowedException("Adapter '" + adapterId + "' may not set deskTopic");
        }
        return submitted.adapterId() == null ? submitted.withAdapterId(adapterId) : submitted;
    }

    /**
     * The adapter's Idempotency-Key; else adapterId + externalReference, which identify a message of the adapter's
     * own system (a mail id, a call id); else none.
     */
    static String effectiveKey(ContactSubmission request, String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return "key:" + idempotencyKey;
        }
        if (notBlank(request.adapterId()) && notBlank(request.externalReference())) {
            return "ext:" + request.adapterId() + ":" + request.externalReference();
        }
        return null;
    }

    /** The new contact's acceptance; null (nothing stored, nothing published) when the key has a receipt already. */
    private Uni<Acceptance> acceptNew(String adapterId, ContactSubmission request, String key, String fingerprint) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FreeTextRedaction.Redacted redacted = redaction.apply(request);
        ContactReceived event = toEvent(UUID.randomUUID().toString(), redacted.submission(), now);
        ContactReceipt receipt = new ContactReceipt();
        receipt.contactId = event.contactId();
        receipt.adapterId = adapterId;
        receipt.idempotencyKey = key;
        receipt.requestHash = fingerprint;
        receipt.eventId = UUID.randomUUID().toString();
        receipt.receivedAt = event.receivedAt();
        receipt.acceptedAt = event.acceptedAt();
        receipt.status = ReceiptStatus.PENDING;
        receipt.eventData = events.toJson(event);
        return pending.storeIfNew(receipt).flatMap(stored -> {
            if (!stored) {
                return Uni.createFrom().nullItem();
            }
            redaction.count(redacted);
            return publishAndConfirm(receipt.eventId, event)
                    .replaceWith(new Acceptance(event.contactId(), event.receivedAt(), false));
        });
    }

    private Uni<Acceptance> replay(ContactReceipt receipt, String fingerprint) {
        if (!receipt.requestHash.equals(fingerprint)) {
            return Uni.createFrom().failure(new IdempotencyKeyReusedException());
        }
        Acceptance acceptance = new Acceptance(receipt.contactId, receipt.receivedAt, true);
        if (receipt.status == ReceiptStatus.PUBLISHED) {
            return Uni.createFrom().item(acceptance);
        }
        Log.infof("Republishing pending contact %s for a retried request", receipt.contactId);
        return publishAndConfirm(receipt.eventId, events.fromJson(receipt.eventData)).replaceWith(acceptance);
    }

    private Uni<Void> publishAndConfirm(String eventId, ContactReceived event) {
        return publisher.publish(eventId, event).flatMap(v -> marks.mark(event.contactId()));
    }

    ContactReceived toEvent(String contactId, ContactSubmission request, Instant now) {
        CitizenDetails citizen = null;
        if (request.citizen() != null) {
            var c = request.citizen();
            String ref = c.bsn() == null ? null : pseudonymizer.citizenRef(c.bsn());
            if (ref != null || c.name() != null || c.email() != null || c.phone() != null) {
                citizen = new CitizenDetails(ref, c.name(), c.email(), c.phone());
            }
        }
        return new ContactReceived(
                contactId,
                request.municipality(),
                request.channel(),
                request.receivedAt() != null ? request.receivedAt().truncatedTo(ChronoUnit.MILLIS) : now,
                now,
                request.subject(),
                request.text(),
                request.language() != null ? request.language() : DEFAULT_LANGUAGE,
                citizen,
                request.caseReference(),
                request.productCode(),
                request.ivrChoice(),
                request.deskTopic(),
                request.followUpOf(),
                request.adapterId(),
                request.externalReference());
    }

    private static String canonical(ContactSubmission request) {
        try {
            return CANONICAL.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
