package nl.loket.metrics.repository;

import java.util.ArrayList;
import java.util.Map;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.domain.ContactFact;

/** Fact rows, one per contact. */
@ApplicationScoped
public class ContactFactRepository implements PanacheRepositoryBase<ContactFact, String> {

    /**
     * The facts of a batch's contacts, those seen for the first time created empty, all locked for the rest of the
     * transaction (two consumers folding events of one contact at the same time wait for each other). Two round trips
     * whatever the batch size: one insert of the missing rows, one select for update. Both go in contact id order, so
     * two batches that share contacts lock them in the same order and cannot deadlock.
     *
     * @param contactIds sorted
     * @return contact id → managed fact, one for every id
     */
    public Uni<Map<String, ContactFact>> lockOrCreate(SortedSet<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 1; i <= contactIds.size(); i++) {
            rows.add("(?" + i + ")");
        }
        String insert = "insert into contact_fact (contact_id) values " + rows + " on conflict (contact_id) do nothing";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(insert);
            int position = 1;
            for (String id : contactIds) {
                query.setParameter(position++, id);
            }
            return query.executeUpdate();
        }).chain(() -> find("contactId in ?1", Sort.by("contactId"), new ArrayList<>(contactIds))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .map(facts -> facts.stream().collect(Collectors.toMap(f -> f.contactId, Function.identity())));
    }
}
