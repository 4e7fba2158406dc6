package nl.loket.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one list of the services (name, HTTP port, database, management port): {@code local-platform/src/main/resources/services.tsv},
 * read as a file (the deploy module depends on neither the services nor the local platform). The local platform and
 * {@code ./loket} read the same file; {@link ServiceListTest} checks the services' configuration and the manifests
 * against it.
 */
final class ServiceList {

    /** One service of the list; database {@value #NO_DATABASE}: none (the workspace). */
    record Entry(String name, int port, String database, int managementPort) {

        boolean hasDatabase() {
            return !NO_DATABASE.equals(database);
        }
    }

    static final String NO_DATABASE = "-";

    static final Path FILE = Rendered.REPO.resolve("local-platform/src/main/resources/services.tsv");

    static final List<Entry> ALL = parse(FILE);

    private ServiceList() {
    }

    /** The services' names, in the list's order (also a {@code @MethodSource} for per-service tests). */
    static List<String> names() {
        return ALL.stream().map(Entry::name).toList();
    }

    /** The services with a database of their own (a CloudNativePG Cluster); also a {@code @MethodSource}. */
    static List<String> withDatabase() {
        return ALL.stream().filter(Entry::hasDatabase).map(Entry::name).toList();
    }

    /**
     * The services the AsyncAPI document names as a producer or consumer: they, and only they, have a KafkaUser
     * (also a {@code @MethodSource}). The workspace is none: it calls the services over HTTP.
     */
    static List<String> kafkaClients() {
        return names().stream().filter(name -> AsyncApi.channels().stream()
                .anyMatch(c -> c.producers().contains(name) || c.consumers().contains(name))).toList();
    }

    static Entry named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + FILE));
    }

    /** Tab-separated name, port, database and management port; blank lines and # comments skipped. */
    static List<Entry> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service list " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw new AssertionError(file + ": expected name<TAB>port<TAB>database<TAB>management, got \"" + line
                        + "\"");
            }
            entries.add(new Entry(fields[0].trim(), Integer.parseInt(fields[1].trim()), fields[2].trim(),
                    Integer.parseInt(fields[3].trim())));
        }
        return List.copyOf(entries);
    }
}
