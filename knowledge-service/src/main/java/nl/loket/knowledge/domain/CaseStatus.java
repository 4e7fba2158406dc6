package nl.loket.knowledge.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "case_status")
public class CaseStatus {

    @Id
    public String reference;
    public String municipality;
    @Column(name = "product_uri")
    public String productUri;
    @Column(name = "team_id")
    public String teamId;
    public String status;
    @Column(name = "status_text")
    public String statusText;
    @Column(name = "expected_decision_date")
    public LocalDate expectedDecisionDate;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
