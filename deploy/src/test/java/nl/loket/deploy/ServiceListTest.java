package nl.loket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service list ({@code local-platform/src/main/resources/services.tsv}: name, HTTP port, database, management
 * port), which the local platform and {@code ./loket} run from, agrees with each service's application.properties
 * and with the manifests: the same services, ports and databases everywhere (a service listed without one has no
 * datasource and no database cluster); health, metrics and the OpenAPI document only on the management port, which the
 * Service does not expose.
 */
class ServiceListTest {

    private static final Pattern DATABASE_URL = Pattern.compile("(?:jdbc:)?postgresql://[^/]+/([A-Za-z0-9_]+).*");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theManifestsDeployExactlyTheListedServices(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        assertThat(Rendered.ofKind(objects, "Deployment").map(Rendered::name).toList())
                .containsExactlyInAnyOrderElementsOf(ServiceList.names());
        assertThat(Rendered.ofKind(objects, "Cluster").map(c -> Rendered.string(c, "metadata", "labels", "loket.nl/owner")))
                .containsExactlyInAnyOrderElementsOf(ServiceList.withDatabase());
    }

    @ParameterizedTest
    @MethodSource("nl.loket.deploy.ServiceList#names")
    void portAndDatabaseAgreeWithTheServiceConfigurationAndTheManifests(String name) {
        ServiceList.Entry service = ServiceList.named(name);
        ServiceConfig config = ServiceConfig.load(name)
                .orElseThrow(() -> new AssertionError(name + " is listed but has no " + ServiceConfig.file(name)));
        for (String overlay : Rendered.OVERLAYS) {
            assertThat(disagreements(service, config, Rendered.overlay(overlay)))
                    .as(overlay + ": where " + name + " disagrees with " + ServiceList.FILE + " (" + service + ")")
                    .isEmpty();
        }
    }

    /** Every place where the service's configuration or the rendered manifests disagree with the list. */
    static List<String> disagreements(ServiceList.Entry service, ServiceConfig config, List<Map<String, Object>> objects) {
        List<String> found = new ArrayList<>();
        String port = String.valueOf(service.port());

        for (var profile : Map.of("default/%prod", config.prod, "%dev", config.dev).entrySet()) {
            String httpPort = profile.getValue().get("quarkus.http.port");
            if (!port.equals(httpPort)) {
                found.add("application.properties (" + profile.getKey() + "): quarkus.http.port is " + httpPort
                        + ", the list says " + port);
            }
        }
        String management = String.valueOf(service.managementPort());
        if (!"true".equals(config.prod.get("quarkus.management.enabled"))) {
            found.add("application.properties: quarkus.management.enabled is not true (/q/* would be on the public port)");
        }
        if (!management.equals(config.prod.get("quarkus.management.port"))) {
            found.add("application.properties: quarkus.management.port is " + config.prod.get("quarkus.management.port")
                    + ", the list says " + management);
        }
        for (String key : List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url")) {
            String database = database(config.dev.get(key));
            if (!service.hasDatabase() && database != null) {
                found.add("application.properties (%dev): " + key + " names database " + database
                        + ", the list says it has none");
            } else if (service.hasDatabase() && !service.database().equals(database)) {
                found.add("application.properties (%dev): " + key + " names database " + database + ", the list says "
                        + service.database());
            }
        }

        Map<String, Object> deployment = Rendered.one(objects, "Deployment", service.name());
        List<Map<String, Object>> containerPorts = Rendered.maps(Rendered.container(deployment), "ports");
        Object http = containerPort(containerPorts, "http");
        if (!Objects.equals(http, service.port())) {
            found.add("Deployment: container port http is " + http + ", the list says " + port);
        }
        for (Map<String, Object> servicePort : Rendered.maps(Rendered.one(objects, "Service", service.name()), "spec", "ports")) {
            Object target = servicePort.get("targetPort");
            Object resolved = target instanceof String named ? containerPort(containerPorts, named) : target;
            if (Objects.equals(resolved, service.managementPort())) {
                found.add("Service: port " + servicePort.get("port") + " exposes the management port");
            } else if (!Objects.equals(resolved, service.port())) {
                found.add("Service: port " + servicePort.get("port") + " goes to container port " + resolved
                        + " (targetPort " + target + "), the list says " + port);
            }
        }
        Object managementPort = containerPort(containerPorts, "management");
        if (!Objects.equals(managementPort, service.managementPort())) {
            found.add("Deployment: container port management is " + managementPort + ", the list says " + management);
        }
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            Object probePort = Rendered.string(Rendered.container(deployment), probe, "httpGet", "port");
            if (!"management".equals(probePort)) {
                found.add("Deployment: " + probe + " goes to port " + probePort + ", not management");
            }
        }
        String scraped = Rendered.string(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port");
        if (!management.equals(scraped)) {
            found.add("Deployment: prometheus.io/port is " + scraped + ", the list says " + management);
        }

        Map<String, String> env = ConfigKeysTest.environment(objects, service.name());
        List<Map<String, Object>> clusters = Rendered.ofKind(objects, "Cluster")
                .filter(c -> service.name().equals(Rendered.string(c, "metadata", "labels", "loket.nl/owner"))).toList();
        if (!service.hasDatabase()) {
            env.keySet().stream().filter(v -> v.startsWith("QUARKUS_DATASOURCE_")).sorted().forEach(v -> found.add(
                    "Deployment: sets " + v + ", the list says it has no database"));
            if (!clusters.isEmpty()) {
                found.add("Cluster: " + clusters.size() + " database clusters are owned by " + service.name()
                        + ", the list says it has no database");
            }
            return found;
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL")) {
            String database = database(env.get(variable));
            if (!service.database().equals(database)) {
                found.add("Deployment: " + variable + " names database " + database + ", the list says "
                        + service.database());
            }
        }
        if (clusters.size() != 1) {
            found.add("Cluster: " + clusters.size() + " database clusters are owned by " + service.name() + ", expected 1");
        } else {
            String initdb = Rendered.string(clusters.get(0), "spec", "bootstrap", "initdb", "database");
            if (!service.database().equals(initdb)) {
                found.add("Cluster " + Rendered.name(clusters.get(0)) + ": initdb database is " + initdb
                        + ", the list says " + service.database());
            }
            String credentials = Rendered.name(clusters.get(0)) + "-app";
            boolean readsThem = Rendered.maps(Rendered.container(deployment), "env").stream()
                    .anyMatch(e -> credentials.equals(Rendered.string(e, "valueFrom", "secretKeyRef", "name")));
            if (!readsThem) {
                found.add("Deployment: does not read the credentials of its own database (Secret " + credentials + ")");
            }
        }
        return found;
    }

    private static Object containerPort(List<Map<String, Object>> ports, String name) {
        return ports.stream().filter(p -> name.equals(p.get("name"))).map(p -> p.get("containerPort")).findFirst()
                .orElse(null);
    }

    /** The database a PostgreSQL URL (JDBC or reactive) names; null when there is none. */
    private static String database(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = DATABASE_URL.matcher(url);
        return m.matches() ? m.group(1) : null;
    }
}
