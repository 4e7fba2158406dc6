package nl.loket.knowledge.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import nl.loket.knowledge.domain.Category;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, String> {
}
