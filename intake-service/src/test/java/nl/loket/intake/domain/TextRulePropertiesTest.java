package nl.loket.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import nl.loket.intake.Gen;

/**
 * Property-based tests of the text rule: each property is checked on {@link #TRIES} strings drawn by seeded
 * plain-Java generators ({@link Gen}; another seed: {@code -Dloket.fuzz.seed=…}). A failure names the seed, the try
 * and the string (escaped).
 */
class TextRulePropertiesTest {

    static final int TRIES = 2_000;

    private static final Gen<String> LOWER_UP_TO_20 = Gen.strings(Gen.LOWER, 0, 20);
    private static final Gen<String> LOWER_UP_TO_40 = Gen.strings(Gen.LOWER, 0, 40);
    /** Any UTF-16 unit at all, also NUL and lone surrogates. */
    private static final Gen<String> ANY_UP_TO_40 = Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 0, 40);
    /** U+0001–U+D7FF and U+E000–U+FFFF, evenly: no NUL, no surrogate. */
    private static final Gen<Character> STORABLE_CHARS = Gen.frequency(Gen.weight(0xD7FF, Gen.chars('\u0001', '\uD7FF')),
            Gen.weight(0x2000, Gen.chars('\uE000', '\uFFFF')));
    /** 0–10 characters outside the BMP, each a proper surrogate pair. */
    private static final Gen<String> SUPPLEMENTARY = random -> {
        StringBuilder pairs = new StringBuilder();
        for (int i = random.nextInt(0, 11); i > 0; i--) {
            pairs.appendCodePoint(random.nextInt(0x10000, 0x10FFFF + 1));
        }
        return pairs.toString();
    };
    private static final Gen<String> LONE_SURROGATES = Gen.oneOf(Gen.chars('\uD800', '\uDBFF'), Gen.chars('\uDC00', '\uDFFF'))
            .map(String::valueOf);

    @Test
    void textOfCharactersOutsideNulAndSurrogatesIsStorable() {
        forAll(Gen.strings(STORABLE_CHARS, 0, 80), text -> assertThat(TextRule.isStorable(text)).isTrue());
    }

    @Test
    void properSurrogatePairsAreStorable() {
        forAll(random -> {
            String pairs = SUPPLEMENTARY.next(random);
            String around = LOWER_UP_TO_20.next(random);
            return around + pairs + around;
        }, text -> assertThat(TextRule.isStorable(text)).isTrue());
    }

    @Test
    void aNulAnywhereIsNotStorable() {
        forAll(random -> ANY_UP_TO_40.next(random) + '\u0000' + ANY_UP_TO_40.next(random),
                text -> assertThat(TextRule.isStorable(text)).isFalse());
    }

    @Test
    void aLoneSurrogateAnywhereIsNotStorable() {
        forAll(random -> LOWER_UP_TO_40.next(random) + LONE_SURROGATES.next(random) + LOWER_UP_TO_40.next(random),
                text -> assertThat(TextRule.isStorable(text)).isFalse());
    }

    /** Checks {@code property} on {@link #TRIES} strings of {@code texts}, drawn with {@link Gen#SEED}. */
    private static void forAll(Gen<String> texts, Consumer<String> property) {
        SplittableRandom random = new SplittableRandom(Gen.SEED);
        for (int i = 0; i < TRIES; i++) {
            String text = texts.next(random);
            try {
                property.accept(text);
            } catch (AssertionError e) {
                throw new AssertionError("try " + i + " of seed " + Gen.SEED + " (-Dloket.fuzz.seed=" + Gen.SEED + "), text "
                        + escaped(text) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }
}
