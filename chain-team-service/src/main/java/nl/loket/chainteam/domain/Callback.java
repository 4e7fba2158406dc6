package nl.loket.chainteam.domain;

import java.time.Instant;
import java.util.UUID;

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

    /** A new, OPEN call-back request on the item, by {@code requestedBy} of the item's team. */
    public static Callback request(WorkItem item, String targetTeamId, String targetMember, Instant dueAt,
            String note, String requestedBy, Instant at) {
        Callback cb = new Callback();
        cb.callbackId = UUID.randomUUID().toString();
        cb.contactId = item.contactId;
        cb.teamId = item.teamId;
        cb.targetTeamId = targetTeamId;
        cb.targetMember = targetMember;
        cb.dueAt = dueAt;
        cb.note = note;
        cb.status = CallbackStatus.OPEN;
        cb.requestedBy = requestedBy;
        cb.requestedAt = at;
        return cb;
    }

    public void complete(boolean reached, String completedBy, Instant at, String note) {
        this.status = CallbackStatus.COMPLETED;
        this.reached = reached;
        this.completedBy = completedBy;
        this.completedAt = at;
        this.completionNote = note;
    }
}
