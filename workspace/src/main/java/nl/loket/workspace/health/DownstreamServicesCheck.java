package nl.loket.workspace.health;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetClient;

/**
 * Whether the services behind the werkplek accept connections, as data of a readiness check that stays UP: one
 * service away takes out only the part of the pages that needs it (they show its 503), so the werkplek itself must
 * stay in the load balancer.
 */
@Readiness
@ApplicationScoped
public class DownstreamServicesCheck implements AsyncHealthCheck {

    static final List<String> SERVICES = List.of("intake", "routing", "knowledge", "chain-team", "metrics");

    private final Map<String, URI> urls = new LinkedHashMap<>();
    private final NetClient client;

    public DownstreamServicesCheck(Vertx vertx, Config config) {
        for (String service : SERVICES) {
            config.getOptionalValue("quarkus.rest-client." + service + ".url", String.class)
                    .ifPresent(url -> urls.put(service, URI.create(url)));
        }
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(1000));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, String>>> probes = urls.entrySet().stream().map(e -> probe(e.getKey(), e.getValue()))
                .toList();
        if (probes.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.up("downstream-services"));
        }
        return Uni.join().all(probes).andCollectFailures().map(results -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("downstream-services").up();
            results.forEach(r -> response.withData(r.getKey(), r.getValue()));
            return response.build();
        });
    }

    private Uni<Map.Entry<String, String>> probe(String service, URI url) {
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        return client.connect(port, url.getHost())
                .call(socket -> socket.close())
                .map(socket -> Map.entry(service, "reachable"))
                .onFailure().recoverWithItem(Map.entry(service, "unreachable"));
    }
}
