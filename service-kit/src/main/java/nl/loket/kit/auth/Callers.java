package nl.loket.kit.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Reads the {@link Caller} from a verified identity, with the claim names of {@link AuthConfig}. */
@ApplicationScoped
public class Callers {

    private final AuthConfig config;

    public Callers(AuthConfig config) {
        this.config = config;
    }

    public Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, null, Set.of(), Set.of(), Optional.empty(), Set.of());
        }
        String name = identity.getPrincipal().getName();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Caller(name, null, Set.of(), Set.of(), Optional.empty(), identity.getRoles());
        }
        if (name == null) {
            name = jwt.getSubject();
        }
        return new Caller(name,
                single(jwt.getClaim(config.claims().organisation())),
                values(jwt.getClaim(config.claims().teams())),
                values(jwt.getClaim(config.claims().municipalities())),
                Optional.ofNullable(single(jwt.getClaim(config.claims().adapterId()))),
                identity.getRoles());
    }

    private static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(v -> values.add(text(v)));
        } else if (claim != null) {
            values.add(text(claim));
        }
        values.removeIf(v -> v == null || v.isBlank());
        return values;
    }

    private static String single(Object claim) {
        return claim == null ? null : text(claim);
    }

    private static String text(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonValue v) {
            return v.toString().replace("\"", "");
        }
        return value.toString();
    }
}
