package nl.loket.routing.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.kit.privacy.Redactor;
import nl.loket.routing.domain.ContactFacts;
import nl.loket.routing.domain.Policy;
import nl.loket.routing.domain.Reason;
import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.domain.StoredDecision;
import nl.loket.routing.knowledge.KnowledgeSnapshot;
import nl.loket.routing.model.TeamModel;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.repository.DecisionBatchRepository;
import nl.loket.routing.domain.RoutedContactEntity;
import nl.loket.routing.domain.RoutingDecisionEntity;
import nl.loket.routing.domain.RoutingPreview;
import nl.loket.routing.repository.RoutingRepository;

/**
 * Routes contacts: decides (pure {@link RoutingEngine}), stores the decision per contact and hop together with the
 * events to publish, and answers a redelivered input with the stored decision and the same event ids.
 */
@ApplicationScoped
public class RoutingService {

    /** Counter of decisions that went to the first line because the chosen team's topic does not exist. */
    public static final String TEAM_TOPIC_MISSING_METRIC = "loket.routing.team-topic-missing";

    private final RoutingEngine engine = new RoutingEngine();
    private final ObjectMapper mapper = EventJson.mapper();
    private final KnowledgeView view;
    private final PolicyRegistry policies;
    private final RoutingRepository repository;
    private final DecisionBatchRepository batches;
    private final MeterRegistry meters;
    private final Pseudonyms pseudonyms;
    private final ModelRegistry models;

    public RoutingService(KnowledgeView view, PolicyRegistry policies, RoutingRepository repository,
            DecisionBatchRepository batches, MeterRegistry meters, Pseudonyms pseudonyms, ModelRegistry models) {
        this.models = models;
        this.view = view;
        this.policies = policies;
        this.repository = repository;
        this.batches = batches;
        this.meters = meters;
        this.pseudonyms = pseudonyms;
    }

    /** Whether the knowledge view has caught up: no decision before (previews answer 503 until then). */
    public boolean isViewReady() {
        return view.isCaughtUp();
    }

    public PolicyRegistry policies() {
        return policies;
    }

    /**
     * The decision for a contact, without storing or publishing anything (and without counting a missing team
     * topic). Fails with {@link ViewNotReadyException} while the knowledge view has not caught up.
     */
    public Uni<RoutingPreview> preview(ContactFacts facts, Policy policy) {
        return preview(facts, policy, ModelChoice.LIVE, 0);
    }

    /**
     * The preview with a chosen model: the live one, none (the rules alone) or a stored version (null when that
     * version does not exist). Shows what the rules alone would decide and what the model says, beside the decision.
     */
    public Uni<RoutingPreview> preview(ContactFacts facts, Policy policy, ModelChoice choice, int version) {
        if (!view.isCaughtUp()) {
            return Uni.createFrom().failure(new ViewNotReadyException());
        }
        Uni<TeamModel> model = switch (choice) {
            case LIVE -> Uni.createFrom().item(models.current());
            case NONE -> Uni.createFrom().nullItem();
            case VERSION -> models.version(version);
        };
        return model.map(m -> {
            if (choice == ModelChoice.VERSION && m == null) {
                return null;
            }
            KnowledgeSnapshot knowledge = view.snapshot();
            RoutingEngine.Analysis analysis = engine.analyse(facts, knowledge, Set.of(), m);
            RoutingDecision d = engine.decide(analysis, policy, knowledge, Set.of());
            RoutingDecision rulesOnly = m == null ? d : engine.decide(facts, policy, knowledge, Set.of(), null);
            return new RoutingPreview(d, analysis.intent().intent(), RoutingEngine.signalOf(d, policy),
                    analysis.model(), rulesOnly);
        });
    }

    /** Which model a preview uses. */
    public enum ModelChoice { LIVE, NONE, VERSION }

    /**
     * First decisions (hop 0) for a batch of received contacts: stored ones are returned as they were, new ones
     * are decided and stored, each in its contact's row, in one statement.
     */
    public Uni<List<StoredDecision>> routeReceived(List<Received> batch) {
        Map<String, Received> contacts = new LinkedHashMap<>();
        batch.forEach(r -> contacts.putIfAbsent(r.contact().contactId(), r));
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // Optimistic: decide all, insert with ON CONFLICT DO NOTHING; a contact whose decision was already stored
        // (redelivery) is answered with the stored decision and its event ids, never with the new one.
        return viewReady().chain(ignored -> {
            FirstDecisions decided = decideFirst(contacts.values());
            List<RoutingDecisionEntity> newDecisions = decided.decisions();
            Map<String, RoutingDecision> withoutTopic = decided.withoutTopic();
            return batches.insert(decided.contacts(), newDecisions).chain(inserted -> {
                // counted once, when the decision is stored (not again for a redelivered contact)
                withoutTopic.forEach((contactId, d) -> {
                    if (inserted.contains(contactId)) {
                        reportMissingTopic(contactId, d);
                    }
                });
                List<StoredDecision> result = newDecisions.stream().map(e -> toStored(e, false)).toList();
                if (inserted.size() == newDecisions.size()) {
                    return Uni.createFrom().item(result);
                }
                List<String> stored = newDecisions.stream().map(e -> e.contactId).filter(id -> !inserted.contains(id))
                        .toList();
                return batches.find(stored).map(earlier -> {
                    Map<String, StoredDecision> byContact = earlier.stream().map(this::rebuilt)
                            .collect(Collectors.toMap(StoredDecision::contactId, Function.identity()));
                    return result.stream().map(r -> byContact.getOrDefault(r.contactId(), r)).toList();
                });
            });
        });
    }

    /**
     * What {@link #routeReceived} decides and would publish for a batch, without storing anything. Routing's
     * benchmark weighs with it a pipeline that keeps no decision row on the hot path (Kafka transactions instead).
     * Fails with {@link ViewNotReadyException} while the knowledge view has not caught up.
     */
    public List<StoredDecision> decideWithoutStoring(List<Received> batch) {
        if (!view.isCaughtUp()) {
            throw new ViewNotReadyException();
        }
        return decideFirst(batch).decisions().stream().map(e -> toStored(e, false)).toList();
    }

    /** First decisions (hop 0), one per contact, with the contact rows to store beside them. */
    private FirstDecisions decideFirst(Collection<Received> contacts) {
        KnowledgeSnapshot knowledge = view.snapshot();
        TeamModel model = models.current();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<RoutedContactEntity> newContacts = new ArrayList<>(contacts.size());
        List<RoutingDecisionEntity> newDecisions = new ArrayList<>(contacts.size());
        Map<String, RoutingDecision> withoutTopic = new LinkedHashMap<>();
        for (Received received : contacts) {
            ContactReceived c = received.contact();
            Policy policy = policies.forMunicipality(c.municipality());
            RoutingDecision d = engine.decide(facts(c), policy, knowledge, Set.of(), model);
            if (d.teamWithoutTopic() != null) {
                withoutTopic.put(c.contactId(), d);
            }
            newDecisions.add(entity(c, 0, d, null, null, now));
            newContacts.add(contactEntity(c, received.json(), now));
        }
        return new FirstDecisions(newContacts, newDecisions, withoutTopic);
    }

    private record FirstDecisions(List<RoutedContactEntity> contacts, List<RoutingDecisionEntity> decisions,
            Map<String, RoutingDecision> withoutTopic) {
    }

    /**
     * A transfer asked by a team: hop + 1, to {@code toTeamId} when it names a known team, else routed again
     * without the requesting team. Fails with {@link UnknownContactException} when the contact is unknown here.
     * A contact whose personal data was erased is routed all the same, on what is left (no text, no citizen).
     */
    public Uni<StoredDecision> routeTransfer(ContactTransferRequested t) {
        int hop = t.hop() + 1;
        return viewReady().chain(ignored -> repository.decision(t.contactId(), hop)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(toStored(existing, true));
            }
            // The contact is read under a share lock in the transaction that stores the decision: an erasure (which
            // locks the contact for update) either comes first, and this decision is made on the erased contact, or
            // waits, and then also erases this decision's stored event.
            return Panache.withTransaction(() -> repository.contactLockedForDecision(t.contactId())
                    .chain(contact -> {
                        if (contact == null) {
                            return Uni.createFrom().failure(
                                    new UnknownContactException("transfer of unknown contact " + t.contactId()));
                        }
                        RoutingDecisionEntity decision = transferDecision(t, hop, read(contact.contactJson));
                        StoredDecision published = toStored(decision, false);
                        if (contact.personalDataErasedAt != null) {
                            // retention will not come back to this contact: the new team gets the transfer
                            // reason, routing does not keep it (a redelivery republishes the event without it)
                            decision.assignedJson = withoutPersonalFields(decision.assignedJson);
                        }
                        return decision.persist().replaceWith(published);
                    }));
        });
    }

    /**
     * The decision for a transfer. Its reason names the teams and what the engine matched, never the requesting
     * agent's free text: that goes to the new team alone, as {@code transferReason} of ContactAssigned.
     */
    private RoutingDecisionEntity transferDecision(ContactTransferRequested t, int hop, ContactReceived c) {
        KnowledgeSnapshot knowledge = view.snapshot();
        Policy policy = policies.forMunicipality(c.municipality());
        String from = knowledge.teamName(t.fromTeamId());
        RoutingDecision d;
        if (t.toTeamId() != null && knowledge.knowsTeam(t.toTeamId()) && !t.toTeamId().equals(t.fromTeamId())) {
            d = engine.toProvisionedTeam(new RoutingDecision(knowledge.tierOf(t.toTeamId()), t.toTeamId(),
                    Reason.transferToRequestedTeam(from, knowledge.teamName(t.toTeamId())), 1.0,
                    Policy.Rule.TRANSFER_REQUESTED_TEAM, null, null, null, null, null, policy.name(), policy.version()),
                    knowledge);
        } else {
            RoutingDecision again = engine.decide(facts(c), policy, knowledge, Set.of(t.fromTeamId()),
                    models.current());
            d = new RoutingDecision(again.tier(), again.teamId(),
                    Reason.transferRoutedAgain(from, again.reason()),
                    again.confidence(), again.rule(), again.productUri(), again.productName(), again.articleId(),
                    again.categoryId(), again.handlingTerm(), again.policyName(), again.policyVersion(),
                    again.teamWithoutTopic(), again.modelVersion());
        }
        reportMissingTopic(t.contactId(), d);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return entity(c, hop, d, t.fromTeamId(), t.reason(), now);
    }

    /**
     * Completes once the knowledge view has caught up — at start-up and after a restart of its reader — for as long
     * as that takes: no decision on a view that has not caught up. The consumer meanwhile commits nothing. Goes on
     * on the caller's Vert.x context (the reader's thread completes the wait).
     */
    private Uni<Void> viewReady() {
        if (view.isCaughtUp()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Uni<Void> caughtUp = awaitCaughtUp();
        return context == null ? caughtUp : caughtUp.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** A restart of the reader while waiting replaces the future: wait for the view, not for one future. */
    private Uni<Void> awaitCaughtUp() {
        return Uni.createFrom().completionStage(view::caughtUp).replaceWithVoid()
                .chain(() -> view.isCaughtUp() ? Uni.createFrom().voidItem() : awaitCaughtUp());
    }

    /** A contact that went to the first line because its team has no topic: a counter and a line to alert on. */
    private void reportMissingTopic(String contactId, RoutingDecision d) {
        if (d.teamWithoutTopic() == null) {
            return;
        }
        meters.counter(TEAM_TOPIC_MISSING_METRIC, "team", d.teamWithoutTopic()).increment();
        Log.warnf("Team topic %s does not exist: contact %s goes to the first line (%s) instead of team %s",
                Topics.TEAM_CONTACTS_PREFIX + d.teamWithoutTopic() + Topics.TEAM_CONTACTS_SUFFIX, contactId,
                d.teamId(), d.teamWithoutTopic());
    }

    public static ContactFacts facts(ContactReceived c) {
        return new ContactFacts(c.contactId(), c.municipality(), c.channel(), c.receivedAt(), c.subject(), c.text(),
                c.language(), c.caseReference(), c.productCode(), c.ivrChoice(), c.deskTopic(), c.followUpOf());
    }

    /** Event ids derived from contact, hop and type: a redelivered input yields the same ids. */
    public static String eventId(String contactId, int hop, String type) {
        return UUID.nameUUIDFromBytes((contactId + "|" + hop + "|" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private RoutingDecisionEntity entity(ContactReceived c, int hop, RoutingDecision d, String previousTeamId,
            String transferReason, Instant now) {
        // the reason in Dutch, the agents' language, on both topics and in the stored decision
        String reason = ReasonTexts.DUTCH.render(d.reason());
        ContactRouted routed = new ContactRouted(c.contactId(), c.municipality(), c.channel(), c.receivedAt(), hop,
                d.tier(), d.teamId(), reason, d.confidence(), d.rule(), d.productUri(),
                d.productName(), d.articleId(), d.categoryId(), d.policyName(), d.policyVersion(), previousTeamId, now,
                c.followUpOf(), d.modelVersion());
        // only what the team needs: contact details and the team's own pseudonymous reference (never the global one,
        // never a BSN: the contract has none). Every path builds it here: first decision, transfer, redelivery.
        ContactAssigned assigned = new ContactAssigned(c.contactId(), d.teamId(), d.tier(), hop, c.municipality(),
                c.channel(), c.receivedAt(), c.subject(), textOrErasureMarker(c.text()), c.language(),
                pseudonyms.forTeam(d.teamId(), c.citizen()), c.caseReference(),
                d.productUri(), d.productName(), d.articleId(), d.categoryId(), d.handlingTerm(), reason,
                d.confidence(), previousTeamId, clip(transferReason, 1000), c.followUpOf(), now);
        RoutingDecisionEntity e = new RoutingDecisionEntity();
        e.id = RoutingDecisionEntity.idOf(c.contactId(), hop);
        e.contactId = c.contactId();
        e.hop = hop;
        e.teamId = d.teamId();
        e.tier = d.tier().name();
        e.rule = d.rule();
        e.confidence = d.confidence();
        e.policyName = d.policyName();
        e.policyVersion = d.policyVersion();
        e.routedEventId = eventId(c.contactId(), hop, ContactRouted.TYPE);
        e.assignedEventId = eventId(c.contactId(), hop, ContactAssigned.TYPE);
        e.routedJson = write(routed);
        e.assignedJson = write(assigned);
        e.routedAt = now;
        e.reason = routed.reason();
        e.productUri = d.productUri();
        e.productName = d.productName();
        e.articleId = d.articleId();
        e.categoryId = d.categoryId();
        e.termDays = d.handlingTerm() == null ? null : d.handlingTerm().days();
        e.termUnit = d.handlingTerm() == null ? null : d.handlingTerm().unit().name();
        e.modelVersion = d.modelVersion();
        return e;
    }

    private RoutedContactEntity contactEntity(ContactReceived c, String json, Instant now) {
        RoutedContactEntity e = new RoutedContactEntity();
        e.contactId = c.contactId();
        e.municipality = c.municipality();
        e.channel = c.channel().name();
        e.receivedAt = c.receivedAt();
        e.contactJson = json; // as received (schema-valid ContactReceived: no BSN)
        e.citizenRef = c.citizen() == null ? null : c.citizen().citizenRef();
        e.createdAt = now;
        return e;
    }

    /** A stored first decision with its events: as stored, or rebuilt from the stored fields and contact. */
    private StoredDecision rebuilt(DecisionBatchRepository.StoredRow row) {
        RoutingDecisionEntity e = row.decision();
        if (e.routedJson != null && e.assignedJson != null) {
            return toStored(e, true);
        }
        // event ids are derived, not stored (V3): entity() derives the same ones again
        ContactReceived c = read(row.contactJson());
        RoutingDecision d = new RoutingDecision(nl.loket.contracts.events.Tier.valueOf(e.tier), e.teamId,
                Reason.stored(e.reason),
                e.confidence, e.rule, e.productUri, e.productName, e.articleId, e.categoryId,
                e.termDays == null ? null : new nl.loket.contracts.events.HandlingTerm(e.termDays,
                        nl.loket.contracts.events.TermUnit.valueOf(e.termUnit)),
                e.policyName, e.policyVersion, null, e.modelVersion);
        return toStored(entity(c, e.hop, d, null, null, e.routedAt), true);
    }

    private static StoredDecision toStored(RoutingDecisionEntity e, boolean redelivered) {
        return new StoredDecision(e.contactId, e.hop, e.teamId, e.routedEventId, e.assignedEventId, e.routedJson,
                e.assignedJson, e.routedAt, redelivered);
    }

    /** A stored ContactAssigned document without the fields retention and erasure remove. */
    private String withoutPersonalFields(String assignedJson) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(assignedJson);
            node.remove(List.of("subject", "text", "citizen", "transferReason"));
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise ContactAssigned", e);
        }
    }

    private String write(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + event.getClass().getSimpleName(), e);
        }
    }

    private ContactReceived read(String json) {
        try {
            return mapper.readValue(json, ContactReceived.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contact unreadable", e);
        }
    }

    /**
     * The contract requires a text; a contact whose personal data was erased (retention or a data-subject request)
     * and is transferred afterwards hands the next team the erasure marker instead.
     */
    private static String textOrErasureMarker(String text) {
        return text == null || text.isBlank() ? Redactor.ERASED_MARKER : text;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A received contact and its JSON as it came (stored as is). */
    public record Received(ContactReceived contact, String json) {
    }

    /** A preview asked before the knowledge view has caught up. */
    public static class ViewNotReadyException extends RuntimeException {
        public ViewNotReadyException() {
            super("The knowledge view has not caught up yet");
        }
    }

    /** A transfer for a contact that routing never saw. */
    public static class UnknownContactException extends RuntimeException {
        public UnknownContactException(String message) {
            super(message);
        }
    }
}
