package nl.loket.knowledge.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import nl.loket.contracts.events.TermUnit;

@Entity
@Table(name = "product")
public class Product {

    /** Last segment of the UPL URI: URL-safe, used in the API path. */
    @Id
    public String id;
    public String uri;
    public String name;
    public String kind;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Convert(converter = StringListConverter.class)
    public List<String> keywords = List.of();
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "term_days")
    public int termDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "term_unit")
    public TermUnit termUnit;
    @Column(name = "mapping_rule")
    public String mappingRule;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Optimistic lock: a concurrent edit of the same entity fails with 409. */
    @Version
    public int version;

    /** The API/path id of a product URI: its last path segment. */
    public static String idOf(String uri) {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
        return trimmed.substring(slash + 1);
    }
}
