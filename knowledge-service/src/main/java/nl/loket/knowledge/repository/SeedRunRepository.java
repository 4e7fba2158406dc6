package nl.loket.knowledge.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import nl.loket.knowledge.domain.SeedRun;

@ApplicationScoped
public class SeedRunRepository implements PanacheRepositoryBase<SeedRun, Integer> {
}
