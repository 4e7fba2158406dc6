package nl.loket.routing.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One routing decision of one hop, with the events it published (and their ids) for redelivery. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecisionEntity extends PanacheEntityBase {

    /** {@code <contactId>#<hop>}. */
    @Id
    public String id;

    @Column(name = "contact_id")
    public String contactId;

    public int hop;

    @Column(name = "team_id")
    public String teamId;

    public String tier;

    public String rule;

    public double confidence;

    @Column(name = "policy_name")
    public String policyName;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "routed_event_id")
    public String routedEventId;

    @Column(name = "assigned_event_id")
    public String assignedEventId;

    @Column(name = "routed_json")
    public String routedJson;

    @Column(name = "assigned_json")
    public String assignedJson;

    @Column(name = "routed_at")
    public Instant routedAt;

    public String reason;

    @Column(name = "product_uri")
    public String productUri;

    @Column(name = "product_name")
    public String productName;

    @Column(name = "article_id")
    public String articleId;

    @Column(name = "category_id")
    public String categoryId;

    @Column(name = "term_days")
    public Integer termDays;

    @Column(name = "term_unit")
    public String termUnit;

    /** The trained model version consulted for the decision (null: none was live). */
    @Column(name = "model_version")
    public Integer modelVersion;

    public static String idOf(String contactId, int hop) {
        return contactId + "#" + hop;
    }
}
