package nl.loket.kit.privacy;

/**
 * The 11-proef of a burgerservicenummer: nine digits, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 a positive multiple of 11.
 */
public final class Bsn {

    private Bsn() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            sum += i < 8 ? digit * (9 - i) : -digit;
        }
        return sum > 0 && sum % 11 == 0;
    }
}
