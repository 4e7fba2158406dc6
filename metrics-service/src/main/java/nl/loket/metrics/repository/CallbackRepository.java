package nl.loket.metrics.repository;

import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.domain.CallbackItem;

/** Call-back requests. */
@ApplicationScoped
public class CallbackRepository implements PanacheRepositoryBase<CallbackItem, String> {

    /**
     * A batch's call-backs, created empty by whichever of their events comes first, locked for the transaction. Two
     * round trips whatever the batch size, both in call-back id order (no deadlock between batches).
     *
     * @param contactByCallback call-back id → the contact it belongs to, sorted by call-back id
     * @return call-back id → managed call-back, one for every id
     */
    public Uni<Map<String, CallbackItem>> lockOrCreate(SortedMap<String, String> contactByCallback) {
        if (contactByCallback.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 1; i <= contactByCallback.size(); i++) {
            rows.add("(?" + (2 * i - 1) + ", ?" + (2 * i) + ")");
        }
        String insert = "insert into callback_item (callback_id, contact_id) values " + rows
                + " on conflict (callback_id) do nothing";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(insert);
            int position = 1;
            for (var callback : contactByCallback.entrySet()) {
                query.setParameter(position++, callback.getKey());
                query.setParameter(position++, callback.getValue());
            }
            return query.executeUpdate();
        }).chain(() -> find("callbackId in ?1", Sort.by("callbackId"), new ArrayList<>(contactByCallback.keySet()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .map(items -> items.stream().collect(Collectors.toMap(c -> c.callbackId, Function.identity())));
    }
}
