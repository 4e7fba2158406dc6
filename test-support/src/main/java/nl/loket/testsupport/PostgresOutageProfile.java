package nl.loket.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.loket.testsupport.oidc.OidcTestIssuer;

/**
 * A test profile for outage tests: an application of its own whose PostgreSQL sits behind a {@link nl.loket.platform.TcpProxy}
 * ({@link PostgresBehindProxyResource}), with the real broker, and without the module's global test resources —
 * as a {@code @QuarkusTestResource} the proxy would apply to every test class. The outage test class does not
 * carry {@link WithKafkaAndPostgres}: its {@link PostgresTestResource} would compete for the datasource URL.
 */
public abstract class PostgresOutageProfile implements QuarkusTestProfile {

    /** The database of this application (recreated at start). */
    protected abstract String database();

    /** Further resources the service needs (e.g. its knowledge fixture). */
    protected List<TestResourceEntry> moreResources() {
        return List.of();
    }

    @Override
    public final boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public final List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>();
        resources.add(new TestResourceEntry(KafkaTestResource.class));
        resources.add(new TestResourceEntry(OidcTestIssuer.class));
        resources.addAll(moreResources());
        resources.add(new TestResourceEntry(PostgresBehindProxyResource.class, Map.of("database", database())));
        return resources;
    }
}
