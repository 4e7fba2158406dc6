package nl.loket.chainteam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.loket.kit.privacy.Redactor;

class AgentTextTest {

    @Test
    void bsnAndIbanBecomeMarkersAndPhoneAndEmailStay() {
        Redactor.Redaction r = AgentText.redact("BSN 111 222 333, IBAN nl91abna0417164300, bel 020 123 4567",
                AgentText.NOTE_MAX_LENGTH);
        assertThat(r.text()).isEqualTo("BSN [BSN verwijderd], IBAN [IBAN verwijderd], bel 020 123 4567");
        assertThat(r.bsns()).isOne();
        assertThat(r.ibans()).isOne();
    }

    @Test
    void aTextTypedAtTheMaximumLengthIsCutBeforeAMarkerThatWouldNotFit() {
        String typed = "x".repeat(AgentText.REASON_MAX_LENGTH - 9) + "111222333";
        String stored = AgentText.redact(typed, AgentText.REASON_MAX_LENGTH).text();
        assertThat(stored).hasSizeLessThanOrEqualTo(AgentText.REASON_MAX_LENGTH).doesNotContain("111222333")
                .isEqualTo("x".repeat(AgentText.REASON_MAX_LENGTH - 9));
    }

    @Test
    void nullAndTextWithoutNumbersStayAsTheyAre() {
        assertThat(AgentText.redact(null, AgentText.NOTE_MAX_LENGTH).text()).isNull();
        assertThat(AgentText.redact("Bel terug", AgentText.NOTE_MAX_LENGTH).changed()).isFalse();
    }
}
