package nl.loket.chainteam.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import nl.loket.chainteam.domain.Callback;
import nl.loket.chainteam.domain.HistoryEntry;
import nl.loket.chainteam.domain.WorkItem;
import nl.loket.chainteam.repository.CallbackRepository;
import nl.loket.chainteam.repository.HistoryRepository;
import nl.loket.chainteam.repository.PersonalDataRepository;
import nl.loket.chainteam.repository.WorkItemRepository;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.privacy.ProcessingLog;
import nl.loket.kit.privacy.Purpose;

/**
 * Data-subject requests (AVG art. 15 and 17) for contacts an operator names by id (the coordinator finds them by
 * the citizen's reference at routing-service): inzage returns everything this service holds about them, erasure
 * erases their personal fields whatever their status (an open item stays workable: it keeps its status and due time).
 * Both are written to the processing log with the contacts found, in the session of the read or the transaction of
 * the erasure.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** What this service holds about one contact: its work item, history and call-backs. */
    public record ContactData(WorkItem item, List<HistoryEntry> history, List<Callback> callbacks) {
    }

    private final WorkItemRepository items;
    private final HistoryRepository history;
    private final CallbackRepository callbacks;
    private final PersonalDataRepository personalData;
    private final ProcessingLog processingLog;
    private final Clock clock = Clock.systemUTC();

    public PrivacyRequests(WorkItemRepository items, HistoryRepository history, CallbackRepository callbacks,
            PersonalDataRepository personalData, ProcessingLog processingLog) {
        this.items = items;
        this.history = history;
        this.callbacks = callbacks;
        this.personalData = personalData;
        this.processingLog = processingLog;
    }

    /** The contacts of {@code contactIds} this service holds, in id order; logged as SUBJECT_ACCESS. */
    @WithSession
    public Uni<List<ContactData>> inzage(Collection<String> contactIds, Caller caller, String endpoint,
            String requestId) {
        return items.ofContacts(contactIds).chain(found -> {
            List<String> ids = found.stream().map(i -> i.contactId).toList();
            Uni<List<ContactData>> data = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : history.ofContacts(ids).chain(h -> callbacks.ofContacts(ids).map(c -> assemble(found, h, c)));
            return data.call(() -> processingLog.record(caller, Purpose.SUBJECT_ACCESS, endpoint, requestId, ids));
        });
    }

    /**
     * Erases the personal fields of the contacts of {@code contactIds} this service holds and returns their ids
     * (idempotent: a second request erases nothing more and answers the same ids); logged as SUBJECT_ERASURE.
     */
    public Uni<List<String>> erase(Collection<String> contactIds, Caller caller, String endpoint, String requestId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> personalData.existing(contactIds)
                .call(ids -> personalData.erase(ids, now))
                .call(ids -> processingLog.record(caller, Purpose.SUBJECT_ERASURE, endpoint, requestId, ids)));
    }

    private static List<ContactData> assemble(List<WorkItem> found, List<HistoryEntry> entries,
            List<Callback> requested) {
        Map<String, List<HistoryEntry>> historyOf = entries.stream()
                .collect(Collectors.groupingBy(e -> e.contactId));
        Map<String, List<Callback>> callbacksOf = requested.stream().collect(Collectors.groupingBy(c -> c.contactId));
        return found.stream().map(i -> new ContactData(i, historyOf.getOrDefault(i.contactId, List.of()),
                callbacksOf.getOrDefault(i.contactId, List.of()))).toList();
    }
}
