package nl.loket.knowledge.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.CategoryDetails;
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.kit.outbox.OutboxWriter;
import nl.loket.knowledge.repository.CategoryRepository;
import nl.loket.knowledge.repository.TeamRepository;

@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final TeamRepository teams;
    private final OutboxWriter outbox;

    public CategoryService(CategoryRepository categories, TeamRepository teams, OutboxWriter outbox) {
        this.categories = categories;
        this.teams = teams;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<List<Category>> list(String teamId) {
        return teamId == null ? categories.listAll(Sort.by("id")) : categories.list("teamId", Sort.by("id"), teamId);
    }

    @WithSession
    public Uni<Category> find(String id) {
        return categories.findById(id);
    }

    @WithTransaction
    public Uni<Category> create(CategoryDetails details) {
        if (details.id() == null) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must not be null"));
        }
        String parentId = parentOf(details.id());
        return requireTeam(details.teamId())
                .chain(() -> parentId == null ? Uni.createFrom().item(Boolean.TRUE)
                        : categories.findById(parentId).map(parent -> parent != null))
                .chain(parentExists -> {
                    if (!parentExists) {
                        return Uni.createFrom().failure(new InvalidInputException("id", "unknown main category " + parentId));
                    }
                    return categories.findById(details.id());
                })
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(
                                new ConflictException("Category " + details.id() + " already exists"));
                    }
                    Category c = new Category();
                    c.id = details.id();
                    c.parentId = parentId;
                    apply(c, details);
                    return categories.persist(c).call(saved -> outbox.add(KnowledgeEvents.changed(saved), Instant.now()));
                });
    }

    @WithTransaction
    public Uni<Category> update(String id, CategoryDetails details) {
        if (details.id() != null && !details.id().equals(id)) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must equal the id in the path"));
        }
        return categories.findById(id).onItem().ifNotNull().call(c -> requireTeam(details.teamId()).chain(() -> {
            apply(c, details);
            return outbox.add(KnowledgeEvents.changed(c), Instant.now());
        }));
    }

    /** Deletes the category (409 while it has sub categories) and publishes a tombstone; null when unknown. */
    @WithTransaction
    public Uni<Category> delete(String id) {
        return categories.findById(id).onItem().ifNotNull().call(c -> categories.count("parentId", id).chain(subs -> {
            if (subs > 0) {
                return Uni.createFrom().failure(new ConflictException("Category " + id + " still has " + subs
                        + " sub categor(y/ies)"));
            }
            return categories.delete(c).call(() -> outbox.add(KnowledgeEvents.categoryDeleted(id), Instant.now()));
        }));
    }

    static String parentOf(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? null : id.substring(0, slash);
    }

    private Uni<Void> requireTeam(String teamId) {
        return teams.findById(teamId).chain(team -> team == null
                ? Uni.createFrom().failure(new InvalidInputException("teamId", "unknown team " + teamId))
                : Uni.createFrom().voidItem());
    }

    private static void apply(Category c, CategoryDetails details) {
        c.name = details.name().strip();
        c.description = details.description();
        c.keywords = details.keywords() == null ? List.of() : List.copyOf(details.keywords());
        c.teamId = details.teamId();
        c.termDays = details.handlingTerm().days();
        c.termUnit = details.handlingTerm().unit();
        c.mappingRule = "edited through the API";
        c.updatedAt = Instant.now();
    }
}
