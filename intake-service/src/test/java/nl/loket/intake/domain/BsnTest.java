package nl.loket.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "999999990"})
    void numbersPassingTheElevenTestAreValid(String bsn) {
        assertThat(Bsn.isValid(bsn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "000000000", "12345678", "1234567890", "12345678a", " 11122233", ""})
    void anythingElseIsInvalid(String bsn) {
        assertThat(Bsn.isValid(bsn)).isFalse();
    }
}
