package nl.loket.chainteam.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** A call-back request (terugbelnotitie) on a work item. */
@Entity
@Table(name = "callback")
public class Callback {

    @Id
    @Column(name = "callback_id")
    public String callbackId;
    @Column(name = "contact_id")
    public String contactId;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "target_team_id")
    public String targetTeamId;
    @Column(name = "target_member")
    public String targetMember;
    @Column(name = "due_at")
    public Instant dueAt;
    public String note;
    @Enumerated(EnumType.STRING)
    public CallbackStatus status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public Boolean reached;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completion_note")
    public String completionNote;
}
