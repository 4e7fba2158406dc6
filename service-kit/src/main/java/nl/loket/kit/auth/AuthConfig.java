package nl.loket.kit.auth;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the caller's attributes are in the access token ({@code loket.auth.*}). The defaults are the claims the
 * platform's Keycloak realm issues; a municipality's own provider (e.g. Microsoft Entra ID) maps its claims here.
 * The roles' claim path is Quarkus' own {@code quarkus.oidc.roles.role-claim-path}.
 */
@ConfigMapping(prefix = "loket.auth")
public interface AuthConfig {

    Claims claims();

    /**
     * Issuer hosts that only a developer's machine has: a service in the {@code prod} profile whose
     * {@code quarkus.oidc.auth-server-url} points at one of them refuses to start ({@link DevIssuerGuard}).
     */
    @WithDefault("localhost,127.0.0.1,[::1],0.0.0.0")
    List<String> devIssuerHosts();

    interface Claims {
        /** Team ids of an agent (array or single string). */
        @WithDefault("teams")
        String teams();

        /** CBS municipality codes (e.g. GM0363) the caller works for; a regional KCC lists several. */
        @WithDefault("municipalities")
        String municipalities();

        /** A channel adapter's identity. */
        @WithDefault("adapter_id")
        String adapterId();

        /** The caller's organisation (gemeente or a chain partner). */
        @WithDefault("org")
        String organisation();
    }
}
