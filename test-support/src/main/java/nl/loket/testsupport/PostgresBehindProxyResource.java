package nl.loket.testsupport;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import nl.loket.platform.TcpProxy;
import nl.loket.platform.postgres.LocalPostgres;

/**
 * Like {@link PostgresTestResource} (init arg {@code database}), but the service reaches PostgreSQL through a
 * {@link TcpProxy}, so that a test can take the database away under a running consumer ({@link #proxy()}.cut())
 * and bring it back. Its own database per use, so the outage touches nothing else.
 */
public class PostgresBehindProxyResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;
    private String database = "outage";

    /** The proxy of the running test class. */
    public static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("PostgresBehindProxyResource is not started");
        }
        return proxy;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres server = PostgresTestResource.server();
        try {
            server.recreateDatabase(database);
            proxy = TcpProxy.start(server.host(), server.port());
        } catch (Exception e) {
            throw new IllegalStateException("Could not set up database " + database + " behind a proxy", e);
        }
        return PostgresTestResource.datasource("localhost", proxy.port(), database, server);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException ignored) {
            // the test JVM is done with it
        }
        proxy = null;
    }
}
