package nl.loket.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.domain.ContactFact;

/** Fact rows, one per contact. */
@ApplicationScoped
public class ContactFactRepository implements PanacheRepositoryBase<ContactFact, String> {

    /**
     * The contact's fact, created empty if it is the contact's first event, locked for the rest of the transaction
     * (two listeners folding events of one contact at the same time wait for each other).
     */
    public Uni<ContactFact> lockOrCreate(String contactId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into contact_fact (contact_id) values (?1) on conflict (contact_id) do nothing")
                .setParameter(1, contactId)
                .executeUpdate()
                .chain(() -> session.find(ContactFact.class, contactId, LockMode.PESSIMISTIC_WRITE)));
    }
}
