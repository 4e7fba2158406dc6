package nl.loket.intake.domain;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The receipt of one accepted contact. It holds the event exactly as published (without BSN), so that a retry
 * with the same idempotency key republishes the same event id instead of creating a second contact.
 */
@Entity
@Table(name = "contact_receipt")
public class ContactReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public String contactId;

    /** The channel adapter that handed the contact in (the token's {@code adapter_id}); only it sees the receipt. */
    @Column(name = "adapter_id", nullable = false)
    public String adapterId;

    /**
     * The adapter's Idempotency-Key, or {@code adapterId:externalReference}; null when neither was given. Unique per
     * adapter: {@code (adapter_id, idempotency_key)}.
     */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** Keyed hash of the canonical request body: same key + other body is a client error. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReceiptStatus status;

    /** The ContactReceived data as JSON (no BSN: only the pseudonymous citizen reference). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_data", nullable = false)
    public String eventData;
}
