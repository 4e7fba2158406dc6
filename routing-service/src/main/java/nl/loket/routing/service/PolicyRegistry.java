package nl.loket.routing.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import nl.loket.routing.config.RoutingConfig;
import nl.loket.routing.domain.Policy;

/**
 * The routing policies (data in {@code policies/*.json}, listed in {@code policies/index.txt}) and which one a
 * municipality uses ({@code loket.routing.default-policy}, {@code loket.routing.policy-by-municipality.<GMxxxx>}).
 */
@ApplicationScoped
public class PolicyRegistry {

    private final Map<String, Policy> policies;
    private final RoutingConfig config;

    public PolicyRegistry(RoutingConfig config) {
        this.config = config;
        this.policies = loadAll();
        require(config.defaultPolicy());
        config.policies().values().forEach(PolicyRegistry.this::require);
        Log.infof("Routing policies %s; default %s; per municipality %s", policies.keySet(), config.defaultPolicy(),
                config.policies());
    }

    public Optional<Policy> byName(String name) {
        return Optional.ofNullable(name).map(policies::get);
    }

    public Policy forMunicipality(String municipality) {
        String name = municipality == null ? null : config.policies().get(municipality);
        return policies.get(name != null ? name : config.defaultPolicy());
    }

    public Map<String, Policy> all() {
        return policies;
    }

    private void require(String name) {
        if (!policies.containsKey(name)) {
            throw new IllegalStateException("Unknown routing policy '" + name + "'; known: " + policies.keySet());
        }
    }

    /** Loads the shipped policies; also used by plain unit tests and the benchmark. */
    public static Map<String, Policy> loadAll() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Policy> loaded = new LinkedHashMap<>();
        ClassLoader cl = PolicyRegistry.class.getClassLoader();
        try (InputStream index = cl.getResourceAsStream("policies/index.txt")) {
            if (index == null) {
                throw new IllegalStateException("policies/index.txt missing from the classpath");
            }
            for (String line : new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines().toList()) {
                String file = line.trim();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                try (InputStream in = cl.getResourceAsStream("policies/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("policies/" + file + " missing from the classpath");
                    }
                    Policy policy = mapper.readValue(in, Policy.class);
                    if (policy.version() < 1 || policy.rules() == null || policy.rules().isEmpty()) {
                        throw new IllegalStateException("Policy " + file + " needs a version >= 1 and rules");
                    }
                    loaded.put(policy.name(), policy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(loaded);
    }
}
