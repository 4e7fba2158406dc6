package nl.loket.chainteam.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import nl.loket.chainteam.domain.DeadlineCalculator;
import nl.loket.contracts.events.CallbackCompleted;
import nl.loket.contracts.events.CallbackRequested;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.schema.EventSchemaValidator;

/**
 * Loads the holiday calendar (XML) and the JSON Schemas at start-up, on a worker thread, so that the first
 * assignment or action does not block the event loop with it.
 */
@ApplicationScoped
public class Warmup {

    void onStart(@Observes StartupEvent event, DeadlineCalculator deadlines) {
        LocalDate today = LocalDate.now();
        deadlines.isWorkingDay(today);
        deadlines.isWorkingDay(today.plusYears(1));
        for (String type : List.of(ContactAssigned.TYPE, ContactHandled.TYPE, ContactTransferRequested.TYPE,
                CallbackRequested.TYPE, CallbackCompleted.TYPE, DeadlineApproaching.TYPE, DeadlineBreached.TYPE)) {
            EventSchemaValidator.instance().validate(type, "{}");
        }
        Log.debug("Holiday calendar and event schemas loaded");
    }
}
