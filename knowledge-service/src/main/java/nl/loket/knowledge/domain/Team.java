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

import nl.loket.contracts.events.Tier;

@Entity
@Table(name = "team")
public class Team {

    @Id
    public String id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    @Convert(converter = StringListConverter.class)
    public List<String> organisations = List.of();
    /** Channel names (nl.loket.contracts.events.Channel). */
    @Convert(converter = StringListConverter.class)
    public List<String> channels = List.of();
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Optimistic lock: a concurrent edit of the same entity fails with 409. */
    @Version
    public int version;
}
