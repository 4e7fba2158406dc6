package nl.loket.metrics.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A call-back request; open while requested and not completed (either event may arrive first). */
@Entity
@Table(name = "callback_item")
public class CallbackItem extends PanacheEntityBase {

    @Id
    @Column(name = "callback_id")
    public String callbackId;
    @Column(name = "contact_id")
    public String contactId;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "target_team_id")
    public String targetTeamId;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
}
