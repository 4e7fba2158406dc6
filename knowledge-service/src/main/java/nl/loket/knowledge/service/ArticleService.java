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
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.knowledge.messaging.OutboxWriter;
import nl.loket.knowledge.repository.ArticleRepository;
import nl.loket.knowledge.repository.ProductRepository;
import nl.loket.knowledge.rest.model.ArticleInput;

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
    public Uni<Article> create(ArticleInput input) {
        InvalidInputException invalid = invalid(input);
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        return requireProducts(input).chain(() -> {
            Article a = new Article();
            a.id = UUID.randomUUID().toString();
            apply(a, input);
            return articles.persist(a).call(saved -> outbox.write(KnowledgeEvents.changed(saved)));
        });
    }

    @WithTransaction
    public Uni<Article> update(String id, ArticleInput input) {
        InvalidInputException invalid = invalid(input);
        if (invalid != null) {
            return Uni.createFrom().failure(invalid);
        }
        return articles.findById(id).onItem().ifNotNull().call(a -> requireProducts(input).chain(() -> {
            apply(a, input);
            return outbox.write(KnowledgeEvents.changed(a));
        }));
    }

    @WithTransaction
    public Uni<Article> delete(String id) {
        return articles.findById(id).onItem().ifNotNull()
                .call(a -> articles.delete(a).call(() -> outbox.write(KnowledgeEvents.articleDeleted(id))));
    }

    /** Linked products must exist: routing finds an article's team through them. */
    private Uni<Void> requireProducts(ArticleInput input) {
        List<String> uris = input.productUris() == null ? List.of() : input.productUris();
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

    private static InvalidInputException invalid(ArticleInput input) {
        if (input.validFrom() != null && input.validUntil() != null && input.validUntil().isBefore(input.validFrom())) {
            return new InvalidInputException("validUntil", "must not be before validFrom");
        }
        return null;
    }

    private static void apply(Article a, ArticleInput input) {
        a.question = input.question().strip();
        a.answer = input.answer().strip();
        a.productUris = input.productUris() == null ? List.of() : List.copyOf(input.productUris());
        a.subjects = input.subjects() == null ? List.of() : List.copyOf(input.subjects());
        a.source = input.source();
        a.validFrom = input.validFrom();
        a.validUntil = input.validUntil();
        a.updatedAt = Instant.now();
    }
}
