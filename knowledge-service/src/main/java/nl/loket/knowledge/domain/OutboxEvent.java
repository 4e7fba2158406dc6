package nl.loket.knowledge.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A record to publish, written in the transaction of the change it describes (transactional outbox). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_event_seq", allocationSize = 1)
    public Long id;
    /** The CloudEvents id (ce_id). */
    @Column(name = "event_id")
    public String eventId;
    public String topic;
    @Column(name = "message_key")
    public String messageKey;
    /** The CloudEvents type (ce_type); a tombstone keeps the type of its topic's events. */
    @Column(name = "event_type")
    public String eventType;
    /** JSON of the event data; null for a tombstone. */
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
