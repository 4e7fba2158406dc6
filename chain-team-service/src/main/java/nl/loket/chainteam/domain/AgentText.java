package nl.loket.chainteam.domain;

import nl.loket.kit.privacy.Redactor;

/**
 * Free text an agent types about a contact — a transfer reason, a call-back note, a resolution note — as this
 * service stores and publishes it: BSNs and IBANs taken out by the kit's {@link Redactor}, then kept within the
 * field's length. A marker ({@value Redactor#BSN_MARKER}) is longer than the number it replaces, so a text typed at
 * the maximum length can grow past it; the tail is then cut, never inside a marker or a surrogate pair ({@link Redactor#redact(String, int)}).
 */
public final class AgentText {

    /** Longest transfer reason (API, table and the {@code ContactTransferRequested} contract). */
    public static final int REASON_MAX_LENGTH = 1000;
    /** Longest call-back or resolution note (API and table). */
    public static final int NOTE_MAX_LENGTH = 2000;

    private AgentText() {
    }

    /** {@code text} redacted and at most {@code maxLength} characters; null stays null. */
    public static Redactor.Redaction redact(String text, int maxLength) {
        return Redactor.redact(text, maxLength);
    }
}
