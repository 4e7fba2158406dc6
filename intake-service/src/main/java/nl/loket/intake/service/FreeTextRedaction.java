package nl.loket.intake.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import nl.loket.intake.domain.ContactSubmission;
import nl.loket.intake.domain.FreeText;
import nl.loket.kit.privacy.Redactor;

/**
 * Takes BSNs and IBANs out of a contact's subject and text ({@link FreeText}) before intake stores or publishes it,
 * and counts what it took out: {@code loket_intake_redactions_total{kind="bsn"|"iban"}}. Other fields are not
 * touched: the citizen's name, e-mail and phone are given to be called back, the BSN field is pseudonymised.
 */
@ApplicationScoped
public class FreeTextRedaction {

    private final Counter bsns;
    private final Counter ibans;

    public FreeTextRedaction(MeterRegistry registry) {
        this.bsns = counter(registry, "bsn");
        this.ibans = counter(registry, "iban");
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("loket.intake.redactions")
                .description("Numbers taken out of the free text of accepted contacts, by kind")
                .tag("kind", kind).register(registry);
    }

    /** {@code submission} with its subject and text redacted; counts nothing yet (see {@link #count}). */
    Redacted apply(ContactSubmission submission) {
        Redactor.Redaction subject = FreeText.redact(submission.subject(), FreeText.SUBJECT_MAX_LENGTH);
        Redactor.Redaction text = FreeText.redact(submission.text(), FreeText.TEXT_MAX_LENGTH);
        ContactSubmission redacted = subject.changed() || text.changed()
                ? submission.withFreeText(subject.text(), text.text())
                : submission;
        return new Redacted(redacted, subject.bsns() + text.bsns(), subject.ibans() + text.ibans());
    }

    /** Counts the redactions of a contact once it is stored (a replayed request is not counted again). */
    void count(Redacted redacted) {
        bsns.increment(redacted.bsns());
        ibans.increment(redacted.ibans());
    }

    /** A submission as intake passes it on, and how many BSNs and IBANs were taken out of it. */
    record Redacted(ContactSubmission submission, int bsns, int ibans) {
    }
}
