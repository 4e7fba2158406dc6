package nl.loket.knowledge.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import nl.loket.knowledge.domain.Article;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {
}
