package nl.loket.knowledge.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import nl.loket.knowledge.domain.Team;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, String> {
}
