package nl.loket.chainteam.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** An event waiting to be published to contacts.lifecycle; {@code id} becomes the record's ce_id. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;
    @Column(name = "aggregate_id")
    public String aggregateId;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
