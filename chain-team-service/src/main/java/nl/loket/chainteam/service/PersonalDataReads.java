package nl.loket.chainteam.service;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.privacy.ProcessingLog;
import nl.loket.kit.privacy.Purpose;

/**
 * Writes to the processing log that an employee is shown contacts' personal data (the kit's {@link ProcessingLog}),
 * in a session of its own when the read's session has ended. Called in the reading request's chain, before it
 * answers: a read that cannot be logged is not answered. Nothing shown (an empty page) is nothing to log.
 */
@ApplicationScoped
public class PersonalDataReads {

    private final ProcessingLog processingLog;

    public PersonalDataReads(ProcessingLog processingLog) {
        this.processingLog = processingLog;
    }

    @WithSession
    public Uni<Void> shown(Caller caller, Purpose purpose, String endpoint, Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return processingLog.record(caller, purpose, endpoint, null, contactIds);
    }
}
