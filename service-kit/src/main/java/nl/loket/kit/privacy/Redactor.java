package nl.loket.kit.privacy;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the numbers a citizen should never have typed out of free text, before it is stored or published: a
 * BSN-shaped number that passes the 11-proef becomes {@value #BSN_MARKER}, an IBAN that passes the mod-97 check
 * becomes {@value #IBAN_MARKER}. Phone numbers and e-mail addresses stay (a citizen gives them to be called back).
 *
 * <p>A BSN here is nine digits, optionally split by single spaces, dots or dashes ({@code 111 222 333},
 * {@code 1112.22.333}), not part of a longer run of digits (so a ten-digit phone number is never cut). One in eleven
 * random nine-digit numbers passes the 11-proef, so an order number can be taken for a BSN: that errs on the safe
 * side. An IBAN is a country code with its registered length (SEPA countries), check digits and the account part,
 * optionally in groups of four, in any case.
 */
public final class Redactor {

    public static final String BSN_MARKER = "[BSN verwijderd]";
    public static final String IBAN_MARKER = "[IBAN verwijderd]";
    /**
     * What an event carries instead of a required text that was erased on a data-subject request (the contracts
     * require a text; a stored field is set to nothing instead).
     */
    public static final String ERASED_MARKER = "[verwijderd op verzoek van de betrokkene]";

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)(?<!\\d[ .-])\\d(?:[ .-]?\\d){8}(?![ .-]?\\d)");
    /** Country code and check digits, then up to 30 letters or digits with single spaces between them. */
    private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{Alnum}])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11,30}");

    /** IBAN length per country (SWIFT IBAN registry), the SEPA countries and their neighbours. */
    private static final Map<String, Integer> IBAN_LENGTH = Map.ofEntries(
            Map.entry("NL", 18), Map.entry("BE", 16), Map.entry("DE", 22), Map.entry("LU", 20), Map.entry("FR", 27),
            Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("ES", 24), Map.entry("PT", 25), Map.entry("IT", 27),
            Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("LI", 21), Map.entry("DK", 18), Map.entry("SE", 24),
            Map.entry("NO", 15), Map.entry("FI", 18), Map.entry("IS", 26), Map.entry("PL", 28), Map.entry("CZ", 24),
            Map.entry("SK", 24), Map.entry("HU", 28), Map.entry("SI", 19), Map.entry("HR", 21), Map.entry("RO", 24),
            Map.entry("BG", 22), Map.entry("GR", 27), Map.entry("CY", 28), Map.entry("MT", 31), Map.entry("EE", 20),
            Map.entry("LV", 21), Map.entry("LT", 20), Map.entry("MC", 27), Map.entry("SM", 27), Map.entry("TR", 26));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Redactor() {
    }

    /** What {@link #redact} made of a text, and how many of each it took out. */
    public record Redaction(String text, int bsns, int ibans) {

        public boolean changed() {
            return bsns > 0 || ibans > 0;
        }
    }

    public static Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text, 0, 0);
        }
        int[] ibans = {0};
        String withoutIbans = replaceIbans(text, ibans);
        int[] bsns = {0};
        String withoutBsns = replaceBsns(withoutIbans, bsns);
        return new Redaction(withoutBsns, bsns[0], ibans[0]);
    }

    /**
     * {@code text} redacted and at most {@code maxLength} characters, for a field with a length limit: a marker is
     * longer than the number it replaces, so a text at its maximum can grow past it; the tail is then cut, never
     * inside a marker or a surrogate pair. Null stays null.
     */
    public static Redaction redact(String text, int maxLength) {
        Redaction redaction = redact(text);
        String fitted = fit(redaction.text(), maxLength);
        return fitted == redaction.text() ? redaction : new Redaction(fitted, redaction.bsns(), redaction.ibans());
    }

    /** {@code text} itself when it fits, else its head of at most {@code maxLength} characters (see above). */
    static String fit(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int cut = maxLength;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        for (String marker : new String[] {BSN_MARKER, IBAN_MARKER}) {
            for (int start = Math.max(0, cut - marker.length() + 1); start < cut; start++) {
                if (text.startsWith(marker, start)) {
                    cut = start;
                    break;
                }
            }
        }
        return text.substring(0, cut);
    }

    /** Shorthand when only the text matters. */
    public static String redacted(String text) {
        return redact(text).text();
    }

    private static String replaceBsns(String text, int[] count) {
        Matcher m = NINE_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            if (Bsn.isValid(digitsOf(m.group()))) {
                out.append(text, last, m.start()).append(BSN_MARKER);
                last = m.end();
                count[0]++;
            }
        }
        return count[0] == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static String replaceIbans(String text, int[] count) {
        Matcher m = IBAN_START.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = ibanEnd(text, m.start(), m.end());
            if (end < 0) {
                from = m.start() + 1;
                continue;
            }
            out.append(text, last, m.start()).append(IBAN_MARKER);
            last = end;
            from = end;
            count[0]++;
        }
        return count[0] == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * The end (exclusive) of a valid IBAN starting at {@code start} within the candidate {@code [start, limit)}:
     * exactly the country's length in letters and digits, ending at a word boundary, passing mod-97; or -1.
     */
    private static int ibanEnd(String text, int start, int limit) {
        Integer length = IBAN_LENGTH.get(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
        if (length == null) {
            return -1;
        }
        StringBuilder iban = new StringBuilder(length);
        int i = start;
        while (i < limit && iban.length() < length) {
            char c = text.charAt(i++);
            if (c != ' ') {
                iban.append(Character.toUpperCase(c));
            }
        }
        if (iban.length() < length || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
            return -1;
        }
        return mod97(iban) == 1 ? i : -1;
    }

    private static int mod97(CharSequence iban) {
        String rearranged = iban.subSequence(4, iban.length()).toString() + iban.subSequence(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return -1;
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    private static String digitsOf(String s) {
        StringBuilder d = new StringBuilder(9);
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                d.append(s.charAt(i));
            }
        }
        return d.toString();
    }
}
