package nl.loket.kit.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start a service in the {@code prod} profile that would trust a developer's token issuer: an issuer on a
 * loopback host (the local Keycloak, a test provider) or no issuer at all (OIDC switched off). The local platform runs
 * the same jars in the {@code local} profile.
 */
@Singleton
public class DevIssuerGuard {

    void onStart(@Observes StartupEvent event, AuthConfig config) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        var mp = ConfigProvider.getConfig();
        boolean enabled = mp.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true);
        Optional<String> issuer = mp.getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        refusal(enabled, issuer, config.devIssuerHosts()).ifPresent(reason -> {
            throw new IllegalStateException("Refusing to start in the prod profile: " + reason);
        });
    }

    /** Why a prod start must be refused, if it must. */
    static Optional<String> refusal(boolean oidcEnabled, Optional<String> issuer, List<String> devHosts) {
        if (!oidcEnabled) {
            return Optional.of("quarkus.oidc.tenant-enabled=false leaves the API without a token check");
        }
        if (issuer.isEmpty() || issuer.get().isBlank()) {
            return Optional.of("quarkus.oidc.auth-server-url is not set (QUARKUS_OIDC_AUTH_SERVER_URL)");
        }
        String host;
        try {
            host = URI.create(issuer.get().trim()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of("quarkus.oidc.auth-server-url is not a URL: " + issuer.get());
        }
        if (host == null) {
            return Optional.of("quarkus.oidc.auth-server-url has no host: " + issuer.get());
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (devHosts.stream().anyMatch(h -> h.equalsIgnoreCase(lower)) || lower.startsWith("127.")) {
            return Optional.of("the token issuer " + issuer.get() + " is a developer's (loopback) issuer");
        }
        return Optional.empty();
    }
}
