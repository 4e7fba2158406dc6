package nl.loket.chainteam.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.loket.chainteam.domain.AgentText;
import nl.loket.kit.privacy.Redactor;

/**
 * Takes BSNs and IBANs out of what an agent types (transfer reason, call-back and completion notes, resolution
 * notes) before it is stored or published on {@code contacts.lifecycle}, and counts what it took out:
 * {@code loket_chain_team_redactions_total{kind="bsn"|"iban"}}. Phone numbers and e-mail addresses stay.
 */
@ApplicationScoped
public class AgentTextRedaction {

    private final Counter bsns;
    private final Counter ibans;

    public AgentTextRedaction(MeterRegistry registry) {
        this.bsns = counter(registry, "bsn");
        this.ibans = counter(registry, "iban");
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("loket.chain-team.redactions")
                .description("Numbers taken out of the free text agents type, by kind")
                .tag("kind", kind).register(registry);
    }

    /** A transfer reason as it may be stored and published. */
    public String reason(String text) {
        return apply(text, AgentText.REASON_MAX_LENGTH);
    }

    /** A call-back, completion or resolution note as it may be stored. */
    public String note(String text) {
        return apply(text, AgentText.NOTE_MAX_LENGTH);
    }

    private String apply(String text, int maxLength) {
        Redactor.Redaction redaction = AgentText.redact(text, maxLength);
        bsns.increment(redaction.bsns());
        ibans.increment(redaction.ibans());
        return redaction.text();
    }
}
