package nl.loket.routing.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.Channel;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.privacy.ProcessingLog;
import nl.loket.kit.privacy.Purpose;
import nl.loket.routing.domain.CitizenContact;
import nl.loket.routing.repository.PersonalDataRepository;
import nl.loket.routing.repository.PersonalDataRepository.ContactRow;
import nl.loket.routing.repository.PersonalDataRepository.TransferRow;

/**
 * Data-subject requests (AVG art. 15 inzage, art. 17 erasure) by the citizen's global reference, and the erasure
 * that retention applies to old contacts. Each request is written to the processing log in its own transaction, so
 * it is answered only when it is logged.
 */
@ApplicationScoped
public class PersonalDataService {

    private final PersonalDataRepository repository;
    private final ProcessingLog log;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper mapper = EventJson.mapper();

    public PersonalDataService(PersonalDataRepository repository, ProcessingLog log, Pseudonyms pseudonyms) {
        this.repository = repository;
        this.log = log;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Everything routing holds about the contacts of the citizen with this global reference, oldest first, with
     * every decision and the reference each of its teams knows the citizen by; logged as {@link Purpose#SUBJECT_ACCESS}.
     */
    @WithTransaction
    public Uni<List<CitizenContact>> inzage(Caller caller, String citizenRef, String endpoint, String requestId) {
        return repository.contactsOf(citizenRef)
                .chain(contacts -> repository.transfersOf(contacts.stream().map(ContactRow::contactId).toList())
                        .map(transfers -> assemble(citizenRef, contacts, transfers)))
                .call(found -> log.record(caller, Purpose.SUBJECT_ACCESS, endpoint, requestId,
                        found.stream().map(CitizenContact::contactId).toList()));
    }

    /**
     * Erases the personal fields and the citizen reference of the contacts of the citizen with this global reference;
     * their ids (none on a second request: the reference is gone). Logged as {@link Purpose#SUBJECT_ERASURE}.
     */
    @WithTransaction
    public Uni<List<String>> erase(Caller caller, String citizenRef, String endpoint, String requestId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return repository.lockContactsOf(citizenRef)
                .call(ids -> repository.erase(ids, now))
                .call(ids -> log.record(caller, Purpose.SUBJECT_ERASURE, endpoint, requestId, ids));
    }

    /**
     * Erases the personal fields of up to {@code limit} contacts received before {@code before} that still have
     * them, in one transaction; their ids.
     */
    @WithTransaction
    public Uni<List<String>> eraseReceivedBefore(Instant before, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return repository.lockExpired(before, limit).call(ids -> repository.erase(ids, now));
    }

    private List<CitizenContact> assemble(String citizenRef, List<ContactRow> contacts, List<TransferRow> transfers) {
        Map<String, List<TransferRow>> byContact = transfers.stream()
                .collect(Collectors.groupingBy(TransferRow::contactId));
        List<CitizenContact> result = new ArrayList<>(contacts.size());
        for (ContactRow row : contacts) {
            JsonNode contact = tree(row.contactJson());
            JsonNode citizen = contact.path("citizen");
            List<CitizenContact.Decision> decisions = new ArrayList<>();
            if (row.teamId() != null) {
                decisions.add(new CitizenContact.Decision(0, row.teamId(), row.tier(), row.reason(), row.routedAt(),
                        null, null));
            }
            for (TransferRow t : byContact.getOrDefault(row.contactId(), List.of())) {
                decisions.add(new CitizenContact.Decision(t.hop(), t.teamId(), t.tier(), t.reason(), t.routedAt(),
                        text(tree(t.routedJson()), "previousTeamId"), text(tree(t.assignedJson()), "transferReason")));
            }
            Set<String> teams = new LinkedHashSet<>();
            decisions.forEach(d -> teams.add(d.teamId()));
            String channel = text(contact, "channel");
            result.add(new CitizenContact(row.contactId(), text(contact, "municipality"),
                    channel == null ? null : Channel.valueOf(channel), instant(text(contact, "receivedAt")),
                    text(contact, "language"), text(contact, "subject"), text(contact, "text"),
                    text(contact, "caseReference"), text(contact, "followUpOf"), text(citizen, "name"),
                    text(citizen, "email"), text(citizen, "phone"), row.erasedAt(), List.copyOf(decisions),
                    teams.stream().map(team -> new CitizenContact.TeamReference(team,
                            pseudonyms.teamRef(team, citizenRef))).toList()));
        }
        return result;
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored document unreadable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
