package nl.loket.chainteam.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    /**
     * How many entries each of these contacts has, in one query (a batch numbers its entries from these instead of
     * counting once per entry); a contact without entries is missing from the map.
     */
    public Uni<Map<String, Integer>> countsOf(Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select h.contactId, count(h) from HistoryEntry h where h.contactId in ?1 group by h.contactId",
                Object[].class).setParameter(1, contactIds).getResultList())
                .map(rows -> {
                    Map<String, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).intValue()));
                    return counts;
                });
    }
}
