package nl.loket.intake.domain;

/**
 * What a text field of a contact may hold: any Unicode text except NUL (U+0000, which PostgreSQL cannot store and
 * many consumers treat as the end of a string) and unpaired UTF-16 surrogates (which are no characters at all and
 * cannot be encoded as UTF-8, so they would be silently replaced on the way to the database and the topic).
 */
public final class TextRule {

    private TextRule() {
    }

    /** True when {@code value} is null or holds no NUL and no unpaired surrogate. */
    public static boolean isStorable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
