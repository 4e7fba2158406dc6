package nl.loket.chainteam.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.HistoryEntry;

@ApplicationScoped
@WithSession
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public Uni<List<HistoryEntry>> of(String contactId) {
        return list("contactId", Sort.by("seq"), contactId);
    }

    /** The history entries of these contacts, per contact in order. */
    public Uni<List<HistoryEntry>> ofContacts(Collection<String> contactIds) {
        return list("contactId in ?1", Sort.by("contactId").and("seq"), contactIds);
    }

    /** The sequence number the next entry of this contact gets (entries are never deleted). */
    public Uni<Integer> nextSeq(String contactId) {
        return count("contactId", contactId).map(n -> n.intValue() + 1);
    }
}
