package nl.loket.intake.domain;

import nl.loket.kit.privacy.Redactor;

/**
 * A contact's free text (subject, text) as intake passes it on: BSNs and IBANs taken out by the kit's
 * {@link Redactor}, then kept within the length the {@code ContactReceived} contract allows. A marker
 * ({@value Redactor#BSN_MARKER}) is longer than the nine digits it replaces, so a text handed in at its maximum length
 * can grow past it; the tail is then cut, never inside a marker or a surrogate pair ({@link Redactor#redact(String, int)}).
 */
public final class FreeText {

    /** Longest subject the API accepts and the contract allows. */
    public static final int SUBJECT_MAX_LENGTH = 200;
    /** Longest text the API accepts and the contract allows. */
    public static final int TEXT_MAX_LENGTH = 10_000;

    private FreeText() {
    }

    /** {@code text} redacted and at most {@code maxLength} characters; null stays null. */
    public static Redactor.Redaction redact(String text, int maxLength) {
        return Redactor.redact(text, maxLength);
    }
}
