package nl.loket.platform.postgres;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server: an embedded one from the binaries on Maven Central, or the server at
 * {@code LOKET_DB_URL} (e.g. {@code postgresql://postgres:postgres@localhost:5432}) when that is set.
 * Each service gets a database of its own.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DB_URL_ENV = "LOKET_DB_URL";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private LocalPostgres(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * @param port      the port for an embedded server, 0 for any free one
     * @param directory data directory for an embedded server, {@code null} for a throw-away one
     */
    public static LocalPostgres start(int port, Path directory) throws Exception {
        String external = System.getenv(DB_URL_ENV);
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                // the default 10 s is too short on a loaded 2-core machine
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (directory != null) {
            builder.setDataDirectory(directory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres embedded = builder.start();
        return new LocalPostgres(embedded, "localhost", embedded.getPort(), "postgres", "postgres");
    }

    private static LocalPostgres external(String url) {
        URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
        String user = "postgres";
        String password = "postgres";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        return new LocalPostgres(null, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password);
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        }
    }

    /** Drops and creates the database: a clean slate. */
    public void recreateDatabase(String name) throws SQLException {
        createDatabase(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(host, port, database);
    }

    public String reactiveUrl(String database) {
        return reactiveUrl(host, port, database);
    }

    /** The JDBC URL of a database at host:port (e.g. behind a proxy). */
    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The Vert.x reactive client URL of a database at host:port. */
    public static String reactiveUrl(String host, int port, String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
