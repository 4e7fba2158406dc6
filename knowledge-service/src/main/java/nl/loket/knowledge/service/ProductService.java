package nl.loket.knowledge.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.knowledge.messaging.OutboxWriter;
import nl.loket.knowledge.repository.ProductRepository;
import nl.loket.knowledge.repository.TeamRepository;
import nl.loket.knowledge.rest.model.ProductInput;

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
    public Uni<Product> create(ProductInput input) {
        String id = Product.idOf(input.uri());
        return requireTeam(input.teamId())
                .chain(() -> products.find("id = ?1 or uri = ?2", id, input.uri()).count())
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().failure(new ConflictException("Product " + input.uri() + " already exists"));
                    }
                    Product p = new Product();
                    p.id = id;
                    p.uri = input.uri();
                    apply(p, input);
                    return products.persist(p).call(saved -> outbox.write(KnowledgeEvents.changed(saved)));
                });
    }

    /** Replaces the product; null when it does not exist. The URI cannot change (it is the Kafka key). */
    @WithTransaction
    public Uni<Product> update(String id, ProductInput input) {
        return products.findById(id).onItem().ifNotNull().call(p -> {
            if (!p.uri.equals(input.uri())) {
                return Uni.createFrom().failure(new InvalidInputException("uri", "cannot change; it must stay " + p.uri));
            }
            return requireTeam(input.teamId()).chain(() -> {
                apply(p, input);
                return outbox.write(KnowledgeEvents.changed(p));
            });
        });
    }

    /** Deletes the product and publishes a tombstone; returns the deleted product, null when unknown. */
    @WithTransaction
    public Uni<Product> delete(String id) {
        return products.findById(id).onItem().ifNotNull()
                .call(p -> products.delete(p).call(() -> outbox.write(KnowledgeEvents.productDeleted(p.uri))));
    }

    private Uni<Void> requireTeam(String teamId) {
        return teams.findById(teamId).chain(team -> team == null
                ? Uni.createFrom().failure(new InvalidInputException("teamId", "unknown team " + teamId))
                : Uni.createFrom().voidItem());
    }

    private static void apply(Product p, ProductInput input) {
        p.name = input.name().strip();
        p.kind = input.kind();
        p.legalBasis = input.legalBasis();
        p.keywords = input.keywords() == null ? List.of() : List.copyOf(input.keywords());
        p.teamId = input.teamId();
        p.termDays = input.handlingTerm().days();
        p.termUnit = input.handlingTerm().unit();
        p.mappingRule = "edited through the API";
        p.updatedAt = Instant.now();
    }
}
