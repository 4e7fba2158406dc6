package nl.loket.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.loket.kit.privacy.Redactor;

class FreeTextTest {

    @Test
    void bsnAndIbanBecomeMarkersWhilePhoneAndEmailStay() {
        Redactor.Redaction r = FreeText.redact(
                "BSN 111222333, rekening NL91 ABNA 0417 1643 00, bel 06-12345678 of mail jan@example.nl", 200);
        assertThat(r.text()).isEqualTo("BSN [BSN verwijderd], rekening [IBAN verwijderd], bel 06-12345678 of mail jan@example.nl");
        assertThat(r.bsns()).isEqualTo(1);
        assertThat(r.ibans()).isEqualTo(1);
    }

    @Test
    void textWithoutNumbersToTakeOutIsTheSameString() {
        String text = "Bel me op +31 6 12345678 of 020 123 4567";
        assertThat(FreeText.redact(text, 200).text()).isSameAs(text);
        assertThat(FreeText.redact(null, 200).text()).isNull();
    }

    @Test
    void aTextGrownPastItsMaximumByMarkersLosesItsTailNeverHalfAMarker() {
        String subject = "x".repeat(180) + " 111222333 einde"; // 196 characters, 203 once redacted
        Redactor.Redaction r = FreeText.redact(subject, 200);
        assertThat(r.text()).isEqualTo("x".repeat(180) + " " + Redactor.BSN_MARKER + " ei").hasSize(200);
        assertThat(r.bsns()).isEqualTo(1);
    }
}
