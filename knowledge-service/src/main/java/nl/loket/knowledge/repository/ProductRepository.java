package nl.loket.knowledge.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import nl.loket.knowledge.domain.Product;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {
}
