package nl.loket.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.domain.CallbackItem;

/** Call-back requests. */
@ApplicationScoped
public class CallbackRepository implements PanacheRepositoryBase<CallbackItem, String> {

    /** The call-back, created empty by whichever of its events comes first, locked for the transaction. */
    public Uni<CallbackItem> lockOrCreate(String callbackId, String contactId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into callback_item (callback_id, contact_id) values (?1, ?2) "
                        + "on conflict (callback_id) do nothing")
                .setParameter(1, callbackId)
                .setParameter(2, contactId)
                .executeUpdate()
                .chain(() -> session.find(CallbackItem.class, callbackId, LockMode.PESSIMISTIC_WRITE)));
    }
}
