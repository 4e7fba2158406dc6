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
@Table(name = "category")
public class Category {

    /** {@code main} or {@code main/sub} (Signalen slugs). */
    @Id
    public String id;
    @Column(name = "parent_id")
    public String parentId;
    public String name;
    public String description;
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
}
