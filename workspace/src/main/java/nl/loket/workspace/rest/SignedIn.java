package nl.loket.workspace.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.auth.Callers;

/**
 * The signed-in agent of this request: who (from the verified token, through the kit's {@link Callers}) and the
 * agent's own access token, which every call to another service carries ({@code Authorization: Bearer …}), so each
 * service keeps deciding for itself what this agent may see and do.
 */
@RequestScoped
public class SignedIn {

    private final SecurityIdentity identity;
    private final Callers callers;
    private final AccessTokenCredential accessToken;

    public SignedIn(SecurityIdentity identity, Callers callers, AccessTokenCredential accessToken) {
        this.identity = identity;
        this.callers = callers;
        this.accessToken = accessToken;
    }

    public Caller caller() {
        return callers.of(identity);
    }

    /** The access token itself (a live stream keeps it for its polls). */
    public String accessToken() {
        return accessToken.getToken();
    }

    /** {@code Bearer <the agent's access token>}. */
    public String bearer() {
        return "Bearer " + accessToken.getToken();
    }

    /** The {@code name} claim (full name), if the token has one. */
    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("name");
            return name == null ? null : name.toString().replace("\"", "");
        }
        return null;
    }
}
