package nl.loket.knowledge.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import nl.loket.knowledge.domain.Team;
import nl.loket.knowledge.domain.TeamDetails;
import nl.loket.knowledge.messaging.KnowledgeEvents;
import nl.loket.kit.outbox.OutboxWriter;
import nl.loket.knowledge.repository.CategoryRepository;
import nl.loket.knowledge.repository.ProductRepository;
import nl.loket.knowledge.repository.TeamRepository;

@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final OutboxWriter outbox;

    public TeamService(TeamRepository teams, ProductRepository products, CategoryRepository categories,
            OutboxWriter outbox) {
        this.teams = teams;
        this.products = products;
        this.categories = categories;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<List<Team>> list() {
        return teams.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @WithSession
    public Uni<Team> find(String id) {
        return teams.findById(id);
    }

    @WithTransaction
    public Uni<Team> create(TeamDetails details) {
        if (details.id() == null) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must not be null"));
        }
        return teams.findById(details.id()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictException("Team " + details.id() + " already exists"));
            }
            Team team = new Team();
            team.id = details.id();
            apply(team, details);
            return teams.persist(team).call(t -> outbox.add(KnowledgeEvents.changed(t), Instant.now()));
        });
    }

    /** Replaces the team; null when it does not exist. */
    @WithTransaction
    public Uni<Team> update(String id, TeamDetails details) {
        if (details.id() != null && !details.id().equals(id)) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must equal the id in the path"));
        }
        return teams.findById(id).onItem().ifNotNull().call(team -> {
            apply(team, details);
            return outbox.add(KnowledgeEvents.changed(team), Instant.now());
        });
    }

    /** Deletes the team; false when it does not exist; 409 while products or categories still point to it. */
    @WithTransaction
    public Uni<Boolean> delete(String id) {
        return teams.findById(id).chain(team -> {
            if (team == null) {
                return Uni.createFrom().item(false);
            }
            return products.count("teamId", id).chain(p -> categories.count("teamId", id).chain(c -> {
                if (p + c > 0) {
                    return Uni.createFrom().<Boolean>failure(new ConflictException("Team " + id + " still handles "
                            + p + " product(s) and " + c + " categor(y/ies); move them first"));
                }
                return teams.delete(team).call(() -> outbox.add(KnowledgeEvents.teamDeleted(id), Instant.now())).replaceWith(true);
            }));
        });
    }

    private static void apply(Team team, TeamDetails details) {
        team.name = details.name().strip();
        team.tier = details.tier();
        team.organisations = details.organisations() == null ? List.of() : List.copyOf(details.organisations());
        team.channels = details.channels() == null ? List.of() : details.channels().stream().map(Enum::name).toList();
        team.updatedAt = Instant.now();
    }
}
