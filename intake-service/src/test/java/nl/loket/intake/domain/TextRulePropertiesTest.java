package nl.loket.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Property-based tests of the text rule (jqwik engine; run by Surefire beside the Jupiter tests). */
class TextRulePropertiesTest {

    @Property(tries = 1_000)
    void textOfCharactersOutsideNulAndSurrogatesIsStorable(
            @ForAll @StringLength(max = 80) @CharRange(from = '\u0001', to = '\uD7FF') @CharRange(from = '\uE000', to = '\uFFFF') String text) {
        assertThat(TextRule.isStorable(text)).isTrue();
    }

    @Property(tries = 1_000)
    void properSurrogatePairsAreStorable(@ForAll("supplementary") String pairs, @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') String around) {
        assertThat(TextRule.isStorable(around + pairs + around)).isTrue();
    }

    @Property(tries = 1_000)
    void aNulAnywhereIsNotStorable(@ForAll @StringLength(max = 40) String before, @ForAll @StringLength(max = 40) String after) {
        assertThat(TextRule.isStorable(before + '\u0000' + after)).isFalse();
    }

    @Property(tries = 1_000)
    void aLoneSurrogateAnywhereIsNotStorable(@ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'z') String before,
            @ForAll("loneSurrogates") String lone, @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'z') String after) {
        assertThat(TextRule.isStorable(before + lone + after)).isFalse();
    }

    @Provide
    Arbitrary<String> supplementary() {
        return Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString).list().ofMaxSize(10)
                .map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> loneSurrogates() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\uD800', '\uDBFF').map(String::valueOf),
                Arbitraries.chars().range('\uDC00', '\uDFFF').map(String::valueOf));
    }
}
