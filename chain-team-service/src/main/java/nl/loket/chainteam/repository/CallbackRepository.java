package nl.loket.chainteam.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.CallbackStatus;

@ApplicationScoped
@WithSession
public class CallbackRepository implements PanacheRepositoryBase<Callback, String> {

    /** Call-backs asked of a team, or requested by it, earliest due first. */
    public Uni<List<Callback>> ofTeam(String teamId, CallbackStatus status, int page, int size) {
        return find("(targetTeamId = :team or teamId = :team) and status = :status", Sort.by("dueAt").and("callbackId"),
                Parameters.with("team", teamId).and("status", status)).page(page, size).list();
    }

    public Uni<List<Callback>> ofContact(String contactId) {
        return list("contactId", Sort.by("requestedAt"), contactId);
    }

    /** The call-backs of these contacts, per contact in the order they were requested. */
    public Uni<List<Callback>> ofContacts(Collection<String> contactIds) {
        return list("contactId in ?1", Sort.by("contactId").and("requestedAt"), contactIds);
    }
}
