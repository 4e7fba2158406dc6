package nl.loket.knowledge.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import nl.loket.knowledge.domain.CaseStatus;

@ApplicationScoped
public class CaseStatusRepository implements PanacheRepositoryBase<CaseStatus, String> {
}
