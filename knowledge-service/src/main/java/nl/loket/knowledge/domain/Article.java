package nl.loket.knowledge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "article")
public class Article {

    @Id
    public String id;
    public String question;
    public String answer;
    @Convert(converter = StringListConverter.class)
    @Column(name = "product_uris")
    public List<String> productUris = List.of();
    @Convert(converter = StringListConverter.class)
    public List<String> subjects = List.of();
    public String source;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Optimistic lock: a concurrent edit of the same entity fails with 409. */
    @Version
    public int version;
}
