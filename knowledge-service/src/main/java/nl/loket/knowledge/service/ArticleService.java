package nl.loket.knowledge.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.ArticleDetails;
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.kit.outbox.OutboxWriter;
import nl.loket.knowledge.repository.ArticleRepository;
import nl.loket.knowledge.repository.ProductRepository;

@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final ProductRepository products;
    private final OutboxWriter outbox;

    public ArticleService(ArticleRepository articles, ProductRepository products, OutboxWriter outbox) {
        this.articles = articles;
        this.products = products;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<List<Article>> list(int page, int size) {
        return articles.findAll(Sort.by("question", "id")).page(Page.of(page, size)).list();
    }

    @WithSession
    public Uni<Article> find(String id) {
        return articles.findById(id);
    }

    @WithTransaction
    public Uni<Article> create(ArticleDetails details) {
        InvalidInputException invalid = invalid(details);
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        return requireProducts(details).chain(() -> {
            Article a = new Article();
            a.id = UUID.randomUUID().toString();
            apply(a, details);
            return articles.persist(a).call(saved -> outbox.add(KnowledgeEvents.changed(saved), Instant.now()));
        });
    }

    @WithTransaction
    public Uni<Article> update(String id, ArticleDetails details) {
        InvalidInputException invalid = invalid(details);
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        return articles.findById(id).onItem().ifNotNull().call(a -> requireProducts(details).chain(() -> {
            apply(a, details);
            return outbox.add(KnowledgeEvents.changed(a), Instant.now());
        }));
    }

    @WithTransaction
    public Uni<Article> delete(String id) {
        return articles.findById(id).onItem().ifNotNull()
                .call(a -> articles.delete(a).call(() -> outbox.add(KnowledgeEvents.articleDeleted(id), Instant.now())));
    }

    /** Linked products must exist: routing finds an article's team through them. */
    private Uni<Void> requireProducts(ArticleDetails details) {
        List<String> uris = details.productUris() == null ? List.of() : details.productUris();
        if (uris.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return products.list("uri in ?1", uris).chain(found -> {
            java.util.Set<String> known = found.stream().map(p -> p.uri).collect(java.util.stream.Collectors.toSet());
            for (int i = 0; i < uris.size(); i++) {
                if (!known.contains(uris.get(i))) {
                    return Uni.createFrom().failure(
                            new InvalidInputException("productUris[" + i + "]", "unknown product " + uris.get(i)));
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static InvalidInputException invalid(ArticleDetails details) {
        if (details.validFrom() != null && details.validUntil() != null
                && details.validUntil().isBefore(details.validFrom())) {
            return new InvalidInputException("validUntil", "must not be before validFrom");
        }
        return null;
    }

    private static void apply(Article a, ArticleDetails details) {
        a.question = details.question().strip();
        a.answer = details.answer().strip();
        a.productUris = details.productUris() == null ? List.of() : List.copyOf(details.productUris());
        a.subjects = details.subjects() == null ? List.of() : List.copyOf(details.subjects());
        a.source = details.source();
        a.validFrom = details.validFrom();
        a.validUntil = details.validUntil();
        a.updatedAt = Instant.now();
    }
}
