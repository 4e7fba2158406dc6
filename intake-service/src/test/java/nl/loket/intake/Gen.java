package nl.loket.intake;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A generator of test values, drawn from a {@link SplittableRandom}: plain Java instead of a property-testing
 * library, so a fixed seed always gives the same values. Only what the tests need: choices ({@link #of},
 * {@link #oneOf}, {@link #frequency}), integers, characters and strings, {@link #map}, {@link #orNull} and
 * {@link #filter}.
 */
@FunctionalInterface
public interface Gen<T> {

    /** The seed of every generated test unless {@code -Dloket.fuzz.seed=…} names another (to reproduce a failure). */
    long SEED = Long.getLong("loket.fuzz.seed", 20261130L);

    T next(SplittableRandom random);

    /** {@code count} values drawn with {@code seed}. */
    default List<T> sample(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        return Stream.generate(() -> next(random)).limit(count).toList();
    }

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    /** {@code null} with the given probability, else a value of this generator. */
    default Gen<T> orNull(double probability) {
        return random -> random.nextDouble() < probability ? null : next(random);
    }

    /** Draws again until a value passes (keep the rejected share small). */
    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            while (true) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
        };
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** From {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        return random -> random.nextInt(min, max + 1);
    }

    /** From {@code from} to {@code to}, both included. */
    static Gen<Character> chars(char from, char to) {
        return random -> (char) random.nextInt(from, to + 1);
    }

    /** One of the characters of {@code alphabet}. */
    static Gen<Character> chars(String alphabet) {
        return random -> alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** Strings of {@code minLength} to {@code maxLength} (both included, evenly spread) characters of {@code chars}. */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return random -> {
            int length = random.nextInt(minLength, maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.next(random).charValue());
            }
            return text.toString();
        };
    }

    /** Strings of the characters of {@code alphabet}. */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        return strings(chars(alphabet), minLength, maxLength);
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> all = List.of(generators);
        return random -> all.get(random.nextInt(all.size())).next(random);
    }

    /** One of the generators, chosen in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : all) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("weights changed");
        };
    }

    static <T> Weighted<T> weight(int weight, Gen<T> generator) {
        return new Weighted<>(weight, generator);
    }

    record Weighted<T>(int weight, Gen<T> generator) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight " + weight);
            }
        }
    }

    /** Letters and digits as an alphabet. */
    String LOWER = "abcdefghijklmnopqrstuvwxyz";
    String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String DIGITS = "0123456789";
}
