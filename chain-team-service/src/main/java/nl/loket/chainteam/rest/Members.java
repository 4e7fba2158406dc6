package nl.loket.chainteam.rest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import nl.loket.chainteam.domain.Member;

/** Reads the member from the verified JWT: {@code upn}/{@code sub}, {@code org}, {@code teams}. */
final class Members {

    static final String ORG_CLAIM = "org";
    static final String TEAMS_CLAIM = "teams";

    private Members() {
    }

    static Member of(JsonWebToken jwt) {
        String id = jwt.getName() != null ? jwt.getName() : jwt.getSubject();
        Object org = jwt.getClaim(ORG_CLAIM);
        return new Member(id, org == null ? null : text(org), teams(jwt.getClaim(TEAMS_CLAIM)));
    }

    private static Set<String> teams(Object claim) {
        Set<String> teams = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> teams.add(text(v)));
        } else if (claim != null) {
            teams.add(text(claim));
        }
        return Set.copyOf(teams);
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
