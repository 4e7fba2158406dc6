package nl.loket.testsupport;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;
import nl.loket.platform.postgres.LocalPostgres;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s, started once per test JVM, with a fresh database per service
 * ({@link WithKafkaAndPostgres#database()}, or init arg {@code database}). Sets both the reactive URL (Hibernate
 * Reactive) and the JDBC URL (Flyway). Usage: {@code @WithKafkaAndPostgres(database = "intake")}.
 */
public class PostgresTestResource implements QuarkusTestResourceConfigurableLifecycleManager<WithKafkaAndPostgres> {

    private static LocalPostgres postgres;
    private static final Set<String> CREATED = new HashSet<>();

    private String database = "loket";

    public static synchronized LocalPostgres server() {
        if (postgres == null) {
            try {
                postgres = LocalPostgres.start(0, null);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start PostgreSQL", e);
            }
            LocalPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }, "local-postgres-shutdown"));
        }
        return postgres;
    }

    @Override
    public void init(WithKafkaAndPostgres annotation) {
        database = annotation.database();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres server = server();
        synchronized (PostgresTestResource.class) {
            try {
                if (CREATED.add(database)) {
                    // a clean database once per test JVM; test classes of the same run share it
                    server.recreateDatabase(database);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
        return datasource(server.host(), server.port(), database, server);
    }

    /** The datasource settings (reactive for Hibernate Reactive, JDBC for Flyway) for a database at host:port. */
    static Map<String, String> datasource(String host, int port, String database, LocalPostgres server) {
        return Map.of(
                "quarkus.datasource.reactive.url", LocalPostgres.reactiveUrl(host, port, database),
                "quarkus.datasource.jdbc.url", LocalPostgres.jdbcUrl(host, port, database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM; closed at JVM exit
    }
}
