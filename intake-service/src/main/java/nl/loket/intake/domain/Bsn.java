package nl.loket.intake.domain;

/**
 * Burgerservicenummer: 9 digits passing the 11-proef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a positive multiple of 11).
 * Never logged, never on a topic.
 */
public final class Bsn {

    private Bsn() {
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            sum += (i < 8 ? (9 - i) : -1) * digit;
        }
        return sum > 0 && sum % 11 == 0;
    }
}
