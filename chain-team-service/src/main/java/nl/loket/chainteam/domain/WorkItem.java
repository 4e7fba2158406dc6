package nl.loket.chainteam.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;

/** A contact in a team's queue, as it stands now. Never an API model or an event: mapped explicitly. */
@Entity
@Table(name = "work_item")
public class WorkItem {

    @Id
    @Column(name = "contact_id")
    public String contactId;
    @Column(name = "team_id")
    public String teamId;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public int hop;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String municipality;
    @Enumerated(EnumType.STRING)
    public WorkItemStatus status;
    public String assignee;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "approaching_at")
    public Instant approachingAt;
    @Column(name = "approaching_notified")
    public boolean approachingNotified;
    @Column(name = "breached_notified")
    public boolean breachedNotified;
    @Column(name = "callback_requested")
    public boolean callbackRequested;
    public String subject;
    public String text;
    public String language;
    @Column(name = "citizen_ref")
    public String citizenRef;
    @Column(name = "citizen_name")
    public String citizenName;
    @Column(name = "citizen_email")
    public String citizenEmail;
    @Column(name = "citizen_phone")
    public String citizenPhone;
    @Column(name = "case_reference")
    public String caseReference;
    @Column(name = "product_uri")
    public String productUri;
    @Column(name = "product_name")
    public String productName;
    @Column(name = "category_id")
    public String categoryId;
    /** The knowledge article (VAC answer) routing matched; null when none, or for items older than the field. */
    @Column(name = "article_id")
    public String articleId;
    @Column(name = "term_days")
    public Integer termDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "term_unit")
    public TermUnit termUnit;
    @Column(name = "routing_reason")
    public String routingReason;
    /** How sure routing was of its decision (0..1); null for items older than the field. */
    @Column(name = "routing_confidence")
    public Double confidence;
    @Column(name = "previous_team_id")
    public String previousTeamId;
    @Column(name = "transfer_reason")
    public String transferReason;
    @Column(name = "follow_up_of")
    public String followUpOf;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    /** When the personal fields were erased (retention or a data-subject request); null while they are kept. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;
    @Version
    public int version;

    /**
     * Takes on an assignment from routing-service: the contact as routed, OPEN and unassigned in the team's queue,
     * with the given due times, routing's confidence and the knowledge article it matched. The deadline warnings are
     * reset (once per item per assignment); whether a call-back was ever requested is kept. An item whose personal
     * fields were erased takes none from the assignment (a transfer re-published before routing-service erased its
     * copy): they stay erased; the facts (product, article, confidence, …) are taken on either way.
     */
    public void assign(ContactAssigned a, Instant dueAt, Instant approachingAt, Instant now) {
        contactId = a.contactId();
        teamId = a.teamId();
        tier = a.tier();
        hop = a.hop();
        channel = a.channel();
        municipality = a.municipality();
        status = WorkItemStatus.OPEN;
        assignee = null;
        receivedAt = a.receivedAt();
        assignedAt = now;
        language = a.language();
        caseReference = a.caseReference();
        productUri = a.productUri();
        productName = a.productName();
        categoryId = a.categoryId();
        articleId = a.articleId();
        confidence = a.confidence();
        termDays = a.handlingTerm() != null ? a.handlingTerm().days() : null;
        termUnit = a.handlingTerm() != null ? a.handlingTerm().unit() : null;
        previousTeamId = a.previousTeamId();
        followUpOf = a.followUpOf();
        outcome = null;
        resolvedAt = null;
        this.dueAt = dueAt;
        this.approachingAt = approachingAt;
        approachingNotified = false;
        breachedNotified = false;
        if (personalDataErasedAt == null) {
            subject = a.subject();
            text = a.text();
            citizenRef = a.citizen() != null ? a.citizen().citizenRef() : null;
            citizenName = a.citizen() != null ? a.citizen().name() : null;
            citizenEmail = a.citizen() != null ? a.citizen().email() : null;
            citizenPhone = a.citizen() != null ? a.citizen().phone() : null;
            routingReason = a.reason();
            transferReason = a.transferReason();
        }
    }

    public boolean personalDataErased() {
        return personalDataErasedAt != null;
    }
}
