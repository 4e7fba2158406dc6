package nl.loket.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Loket service as the local platform runs it: its module folder, default HTTP port, database (none for a service
 * that keeps no data, such as the workspace) and management port ({@code /q/*}). The services are listed once, in
 * {@value #LIST} (also read by {@code ./loket} and checked by the deploy module's tests).
 */
public record ServiceSpec(String name, int defaultPort, Optional<String> database, int managementPort) {

    /** The one list of the services, on the classpath and at {@code local-platform/src/main/resources/}. */
    public static final String LIST = "services.tsv";

    /** In {@value #LIST}: the service has no database. */
    static final String NO_DATABASE = "-";

    public static final List<ServiceSpec> ALL = load();

    /**
     * The services that keep data, each in its own database: the contact pipeline, whose state a crash or an outage
     * could lose, hence what the chaos run kills and the citizen-data scan reads.
     */
    public static final List<ServiceSpec> WITH_DATABASE = ALL.stream().filter(ServiceSpec::hasDatabase).toList();

    public boolean hasDatabase() {
        return database.isPresent();
    }

    /** The packaged application (Quarkus fast-jar). */
    public Path jar(Path repo) {
        return repo.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name) || s.name.equals(name + "-service")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    private static List<ServiceSpec> load() {
        try (InputStream in = ServiceSpec.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is not on the classpath (local-platform jar)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The management port that goes with {@code httpPort} (the local platform shifts both by its port offset). */
    public int managementPortFor(int httpPort) {
        return httpPort + (managementPort - defaultPort);
    }

    /**
     * Lines of {@value #LIST}: name, port, database ({@value #NO_DATABASE} for none) and management port separated by
     * tabs; blank lines and # comments skipped.
     */
    static List<ServiceSpec> parse(List<String> lines) {
        List<ServiceSpec> services = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw new IllegalStateException(LIST + ": expected name<TAB>port<TAB>database<TAB>management, got \""
                        + line + "\"");
            }
            String database = fields[2].trim();
            services.add(new ServiceSpec(fields[0].trim(), Integer.parseInt(fields[1].trim()),
                    database.equals(NO_DATABASE) ? Optional.empty() : Optional.of(database),
                    Integer.parseInt(fields[3].trim())));
        }
        return List.copyOf(services);
    }
}
