package nl.loket.metrics;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * URLs on the management interface of the application under test (`/q/health`, `/q/metrics`, `/q/openapi`): in
 * tests it listens on `quarkus.management.test-port` (application.properties), not on the public port.
 */
public final class Management {

    private Management() {
    }

    public static String url(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }
}
