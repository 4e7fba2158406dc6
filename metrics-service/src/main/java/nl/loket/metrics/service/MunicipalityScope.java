package nl.loket.metrics.service;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.security.ForbiddenException;
import nl.loket.kit.auth.Caller;

/**
 * The municipalities a metrics viewer may see: those of the access token (claim {@code municipalities}, CBS codes
 * such as {@code 0363}; the KPIs name a municipality {@code GM0363}, as the contact events do). A regional KCC's
 * viewer has several: without a municipality asked for, the KPIs sum all of them; one of them may be asked for; any
 * other is refused (403).
 */
public final class MunicipalityScope {

    private static final Pattern CODE = Pattern.compile("(?:GM)?([0-9]{4})");

    private MunicipalityScope() {
    }

    /** The caller's municipalities as GM codes, sorted; values that are no CBS code are left out. */
    public static Set<String> of(Caller caller) {
        Set<String> codes = new TreeSet<>();
        for (String value : caller.municipalities()) {
            Matcher m = CODE.matcher(value.trim().toUpperCase(java.util.Locale.ROOT));
            if (m.matches()) {
                codes.add("GM" + m.group(1));
            }
        }
        return codes;
    }

    /**
     * The municipalities a query covers: the one asked for, if the caller may see it, else all of the caller's.
     *
     * @throws ForbiddenException the municipality asked for is not the caller's, or the caller has none
     */
    public static List<String> select(Set<String> allowed, String requested) {
        if (requested != null) {
            if (!allowed.contains(requested)) {
                throw new ForbiddenException("Municipality " + requested + " is not one of the caller's");
            }
            return List.of(requested);
        }
        if (allowed.isEmpty()) {
            throw new ForbiddenException("The access token names no municipality");
        }
        return List.copyOf(allowed);
    }
}
