package nl.loket.knowledge.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Marks that the seed data was loaded; its presence keeps a restart from seeding (and publishing) again. */
@Entity
@Table(name = "seed_run")
public class SeedRun {

    public static final int ID = 1;

    @Id
    public Integer id;
    @Column(name = "applied_at")
    public Instant appliedAt;
    public String summary;
}
