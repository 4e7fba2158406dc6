package nl.loket.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "111 222 333", "1112.22.333", "111-222-333", "BSN:111222333."})
    void aBsnThatPassesTheElfproefBecomesTheMarker(String written) {
        Redactor.Redaction r = Redactor.redact("Mijn nummer is " + written + " graag terugbellen");

        assertThat(r.text()).doesNotContain("111").contains(Redactor.BSN_MARKER).endsWith(" graag terugbellen");
        assertThat(r.bsns()).isEqualTo(1);
        assertThat(r.ibans()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300",
            "BE68539007547034", "DE89370400440532013000"})
    void anIbanThatPassesMod97BecomesTheMarkerAndTheNextWordStays(String written) {
        Redactor.Redaction r = Redactor.redact("Stort het op " + written + " graag");

        assertThat(r.text()).isEqualTo("Stort het op " + Redactor.IBAN_MARKER + " graag");
        assertThat(r.ibans()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"06-12345678", "0612345678", "+31 6 12345678", "020 123 4567", "06 12 34 56 78",
            "jan.jansen@example.nl", "1234 AB", "Z-2026-000123"})
    void phoneNumbersEmailAddressesAndPostcodesStay(String contactDetail) {
        String text = "Bel me op of mail naar " + contactDetail + ", dank";

        assertThat(Redactor.redact(text).text()).isEqualTo(text);
        assertThat(Redactor.redact(text).changed()).isFalse();
    }

    @Test
    void numbersThatFailTheChecksStay() {
        String text = "Factuur 123456789 en rekening NL91ABNA0417164301";

        assertThat(Redactor.redacted(text)).isEqualTo(text);
    }

    @Test
    void everyOccurrenceIsCountedAndNothingElseChanges() {
        Redactor.Redaction r = Redactor.redact("BSN 111222333 en van mijn partner 123456782, IBAN NL91ABNA0417164300.");

        assertThat(r.text()).isEqualTo("BSN [BSN verwijderd] en van mijn partner [BSN verwijderd], IBAN [IBAN verwijderd].");
        assertThat(r.bsns()).isEqualTo(2);
        assertThat(r.ibans()).isEqualTo(1);
    }

    @Test
    void nothingToRedactInNullOrEmpty() {
        assertThat(Redactor.redact(null).text()).isNull();
        assertThat(Redactor.redact("").changed()).isFalse();
    }

    @Test
    void theElfproef() {
        assertThat(Bsn.isValid("111222333")).isTrue();
        assertThat(Bsn.isValid("123456782")).isTrue();
        assertThat(Bsn.isValid("123456789")).isFalse();
        assertThat(Bsn.isValid("000000000")).isFalse();
        assertThat(Bsn.isValid("000000012")).isFalse();
        assertThat(Bsn.isValid("12345678")).isFalse();
    }

    @Test
    void aCutThatWouldSplitAMarkerFallsBeforeIt() {
        assertThat(Redactor.fit("abc" + Redactor.BSN_MARKER, 10)).isEqualTo("abc");
        assertThat(Redactor.fit("abc" + Redactor.IBAN_MARKER + "def", 3 + Redactor.IBAN_MARKER.length() + 1))
                .isEqualTo("abc" + Redactor.IBAN_MARKER + "d");
        assertThat(Redactor.fit("a".repeat(190) + " 111222333", 200)).isEqualTo("a".repeat(190) + " 111222333");
        assertThat(Redactor.redact("a".repeat(190) + " 111222333", 200).text()).isEqualTo("a".repeat(190) + " ");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(9) + "\uD83D\uDE00" + Redactor.BSN_MARKER;
        assertThat(Redactor.fit(text, 10)).isEqualTo("a".repeat(9));
        assertThat(Redactor.fit(text, 11)).isEqualTo("a".repeat(9) + "\uD83D\uDE00");
    }
}
