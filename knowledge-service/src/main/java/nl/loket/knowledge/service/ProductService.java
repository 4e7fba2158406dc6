package nl.loket.knowledge.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.domain.ProductDetails;
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.kit.outbox.OutboxWriter;
import nl.loket.knowledge.repository.ProductRepository;
import nl.loket.knowledge.repository.TeamRepository;

@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final TeamRepository teams;
    private final OutboxWriter outbox;

    public ProductService(ProductRepository products, TeamRepository teams, OutboxWriter outbox) {
        this.products = products;
        this.teams = teams;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<List<Product>> list(String teamId) {
        return teamId == null ? products.listAll(Sort.by("name", "id"))
                : products.list("teamId", Sort.by("name", "id"), teamId);
    }

    @WithSession
    public Uni<Product> find(String id) {
        return products.findById(id);
    }

    @WithTransaction
    public Uni<Product> create(ProductDetails details) {
        String id = Product.idOf(details.uri());
        return requireTeam(details.teamId())
                .chain(() -> products.find("id = ?1 or uri = ?2", id, details.uri()).count())
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().failure(
                                new ConflictException("Product " + details.uri() + " already exists"));
                    }
                    Product p = new Product();
                    p.id = id;
                    p.uri = details.uri();
                    apply(p, details);
                    return products.persist(p).call(saved -> outbox.add(KnowledgeEvents.changed(saved), Instant.now()));
                });
    }

    /** Replaces the product; null when it does not exist. The URI cannot change (it is the Kafka key). */
    @WithTransaction
    public Uni<Product> update(String id, ProductDetails details) {
        return products.findById(id).onItem().ifNotNull().call(p -> {
            if (!p.uri.equals(details.uri())) {
                return Uni.createFrom().failure(new InvalidInputException("uri", "cannot change; it must stay " + p.uri));
            }
            return requireTeam(details.teamId()).chain(() -> {
                apply(p, details);
                return outbox.add(KnowledgeEvents.changed(p), Instant.now());
            });
        });
    }

    /** Deletes the product and publishes a tombstone; returns the deleted product, null when unknown. */
    @WithTransaction
    public Uni<Product> delete(String id) {
        return products.findById(id).onItem().ifNotNull()
                .call(p -> products.delete(p).call(() -> outbox.add(KnowledgeEvents.productDeleted(p.uri), Instant.now())));
    }

    private Uni<Void> requireTeam(String teamId) {
        return teams.findById(teamId).chain(team -> team == null
                ? Uni.createFrom().failure(new InvalidInputException("teamId", "unknown team " + teamId))
                : Uni.createFrom().voidItem());
    }

    private static void apply(Product p, ProductDetails details) {
        p.name = details.name().strip();
        p.kind = details.kind();
        p.legalBasis = details.legalBasis();
        p.keywords = details.keywords() == null ? List.of() : List.copyOf(details.keywords());
        p.teamId = details.teamId();
        p.termDays = details.handlingTerm().days();
        p.termUnit = details.handlingTerm().unit();
        p.mappingRule = "edited through the API";
        p.updatedAt = Instant.now();
    }
}
