package nl.loket.metrics.service;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.kit.inbox.Inbox;
import nl.loket.metrics.config.MetricsConfig;
import nl.loket.metrics.domain.ContactEvent;
import nl.loket.metrics.domain.ContactFact;
import nl.loket.metrics.domain.Contribution;
import nl.loket.metrics.domain.FactRules;
import nl.loket.metrics.repository.CallbackRepository;
import nl.loket.metrics.repository.ContactFactRepository;
import nl.loket.metrics.repository.RollupRepository;

/**
 * Applies one event: in one transaction, records its id (a redelivery is skipped), folds it into the contact's
 * fact and moves the fact's contribution in the rollups from its old to its new value.
 */
@ApplicationScoped
public class FactService {

    private final Inbox inbox;
    private final ContactFactRepository facts;
    private final CallbackRepository callbacks;
    private final RollupRepository rollups;
    private final ZoneId zone;

    public FactService(Inbox inbox, ContactFactRepository facts, CallbackRepository callbacks,
            RollupRepository rollups, MetricsConfig config) {
        this.inbox = inbox;
        this.facts = facts;
        this.callbacks = callbacks;
        this.rollups = rollups;
        this.zone = ZoneId.of(config.zone());
    }

    /** @return true when applied, false when the event id was applied before */
    @WithTransaction
    public Uni<Boolean> apply(ContactEvent event) {
        return inbox.markProcessed(event.id()).chain(first -> {
            if (!first) {
                Log.debugf("Event %s (%s) was applied before; skipped", event.id(), event.type());
                return Uni.createFrom().item(false);
            }
            return change(event).replaceWith(true);
        });
    }

    private Uni<Void> change(ContactEvent event) {
        Record data = event.data();
        if (data instanceof CallbackRequested requested) {
            return callbacks.lockOrCreate(requested.callbackId(), requested.contactId()).invoke(item -> {
                item.teamId = requested.teamId();
                item.targetTeamId = requested.targetTeamId();
                item.dueAt = requested.dueAt();
                item.requestedAt = requested.requestedAt();
            }).chain(() -> changeFact(event.contactId(), FactRules::callbackRequested));
        }
        if (data instanceof CallbackCompleted completed) {
            return callbacks.lockOrCreate(completed.callbackId(), completed.contactId())
                    .invoke(item -> {
                        if (item.completedAt == null || completed.completedAt().isBefore(item.completedAt)) {
                            item.completedAt = completed.completedAt();
                        }
                    }).replaceWithVoid();
        }
        if (data instanceof ContactRouted routed) {
            return changeFact(event.contactId(), fact -> FactRules.routed(fact, routed, zone));
        }
        if (data instanceof ContactHandled handled) {
            return changeFact(event.contactId(), fact -> FactRules.handled(fact, handled));
        }
        if (data instanceof ContactTransferRequested) {
            return changeFact(event.contactId(), FactRules::transferRequested);
        }
        if (data instanceof DeadlineBreached breached) {
            return changeFact(event.contactId(), fact -> FactRules.deadlineBreached(fact, breached));
        }
        return Uni.createFrom().voidItem(); // DeadlineApproaching: recorded as processed, no KPI depends on it
    }

    private Uni<Void> changeFact(String contactId, java.util.function.Consumer<ContactFact> rule) {
        return facts.lockOrCreate(contactId).chain(fact -> {
            Contribution before = Contribution.of(fact.copy(), zone);
            rule.accept(fact);
            fact.updatedAt = Instant.now();
            Contribution after = Contribution.of(fact, zone);
            return rollups.add(Contribution.counterDelta(before, after), Contribution.histogramDelta(before, after))
                    .replaceWithVoid();
        });
    }
}
