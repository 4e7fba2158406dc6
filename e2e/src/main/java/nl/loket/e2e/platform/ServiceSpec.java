package nl.loket.e2e.platform;

import java.nio.file.Path;
import java.util.List;

/** One Loket service as the local platform runs it: its module folder, default port and database. */
public record ServiceSpec(String name, int defaultPort, String database) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("intake-service", 8081, "intake"),
            new ServiceSpec("routing-service", 8082, "routing"),
            new ServiceSpec("knowledge-service", 8083, "knowledge"),
            new ServiceSpec("chain-team-service", 8084, "chainteam"),
            new ServiceSpec("metrics-service", 8085, "metrics"));

    /** The packaged application (Quarkus fast-jar). */
    public Path jar(Path repo) {
        return repo.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name) || s.name.equals(name + "-service")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }
}
