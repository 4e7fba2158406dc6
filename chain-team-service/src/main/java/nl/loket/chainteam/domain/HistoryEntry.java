package nl.loket.chainteam.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;

/** One step in a work item's history: who did what, when, and the item's status after it. */
@Entity
@Table(name = "work_item_event")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "contact_id")
    public String contactId;
    public int seq;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public HistoryAction action;
    public String actor;
    public String organisation;
    @Column(name = "team_id")
    public String teamId;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public int hop;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_after")
    public WorkItemStatus statusAfter;
    @Column(name = "assignee_after")
    public String assigneeAfter;
    @Column(name = "due_at")
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String note;
    public String reason;
    @Column(name = "target_team_id")
    public String targetTeamId;
    @Column(name = "target_member")
    public String targetMember;
    @Column(name = "callback_id")
    public String callbackId;
    @Column(name = "event_id")
    public String eventId;
}
