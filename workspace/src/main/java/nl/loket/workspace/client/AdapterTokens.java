package nl.loket.workspace.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * The access tokens of the counter and phone channel adapters (OIDC client credentials, named clients
 * {@code counter} and {@code phone}): a registration reaches intake as the adapter of its channel. A token is reused
 * until it is about to expire.
 */
@ApplicationScoped
public class AdapterTokens {

    private final OidcClients clients;
    private final Map<String, Tokens> current = new ConcurrentHashMap<>();

    public AdapterTokens(OidcClients clients) {
        this.clients = clients;
    }

    /** {@code Bearer <token>} of the named adapter client ({@code counter} or {@code phone}). */
    public Uni<String> bearer(String adapter) {
        Tokens tokens = current.get(adapter);
        if (tokens != null && !tokens.isAccessTokenExpired() && !tokens.isAccessTokenWithinRefreshInterval()) {
            return Uni.createFrom().item("Bearer " + tokens.getAccessToken());
        }
        return clients.getClient(adapter).getTokens()
                .invoke(fresh -> current.put(adapter, fresh))
                .map(fresh -> "Bearer " + fresh.getAccessToken())
                .onFailure().transform(e -> DownstreamException.unreachable(DownstreamException.Service.INTAKE, e));
    }
}
