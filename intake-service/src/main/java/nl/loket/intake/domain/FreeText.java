package nl.loket.intake.domain;

import nl.loket.kit.privacy.Redactor;

/**
 * A contact's free text (subject, text) as intake passes it on: BSNs and IBANs taken out by the kit's
 * {@link Redactor}, then kept within the length the {@code ContactReceived} contract allows. A marker
 * ({@value Redactor#BSN_MARKER}) is longer than the nine digits it replaces, so a text handed in at its maximum length
 * can grow past it; the tail is then cut, never inside a marker or a surrogate pair.
 */
public final class FreeText {

    /** Longest subject the API accepts and the contract allows. */
    public static final int SUBJECT_MAX_LENGTH = 200;
    /** Longest text the API accepts and the contract allows. */
    public static final int TEXT_MAX_LENGTH = 10_000;

    private static final String[] MARKERS = {Redactor.BSN_MARKER, Redactor.IBAN_MARKER};

    private FreeText() {
    }

    /** {@code text} redacted and at most {@code maxLength} characters; null stays null. */
    public static Redactor.Redaction redact(String text, int maxLength) {
        Redactor.Redaction redaction = Redactor.redact(text);
        String fitted = fit(redaction.text(), maxLength);
        return fitted == redaction.text() ? redaction : new Redactor.Redaction(fitted, redaction.bsns(), redaction.ibans());
    }

    /** {@code text} itself when it fits, else its head of at most {@code maxLength} characters. */
    static String fit(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int cut = maxLength;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        for (String marker : MARKERS) {
            for (int start = Math.max(0, cut - marker.length() + 1); start < cut; start++) {
                if (text.startsWith(marker, start)) {
                    cut = start;
                    break;
                }
            }
        }
        return text.substring(0, cut);
    }
}
