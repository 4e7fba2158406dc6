package nl.loket.platform;

import java.util.List;

/**
 * The services' JVM flags. {@link #THROUGHPUT} ({@code ./loket up}, the load benchmark): both JIT tiers and the
 * parallel collector, a heap sized up front — the steady state a busy morning needs. {@link #FAST_START} (tests, the
 * chaos run, {@code ./loket up --jvm fast-start}): the client compiler only and the serial collector — seconds less per
 * start, at the cost of throughput (issue #17 measured the difference in bench/RESULTS.md).
 */
public enum Jvm {
    THROUGHPUT(List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC")),
    FAST_START(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

    private final List<String> flags;

    Jvm(List<String> flags) {
        this.flags = flags;
    }

    public List<String> flags() {
        return flags;
    }
}
