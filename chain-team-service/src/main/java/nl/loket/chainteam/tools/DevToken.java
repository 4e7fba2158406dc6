package nl.loket.chainteam.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Prints one JWT signed with the DEV-ONLY key (src/main/resources/dev-keys), for tests and the local platform:
 * {@code java -cp <classpath> nl.loket.chainteam.tools.DevToken <teamId> [memberId] [organisation]}.
 * Several teams: {@code kcc,omgeving}. Issuer {@code urn:loket:dev}, valid 12 hours. Production never trusts it.
 */
public final class DevToken {

    public static final String ISSUER = "urn:loket:dev";
    public static final Duration LIFESPAN = Duration.ofHours(12);
    private static final String KEY = "dev-keys/privateKey.pem";

    private DevToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].isBlank()) {
            System.err.println("usage: DevToken <teamId[,teamId…]> [memberId] [organisation]");
            System.exit(2);
        }
        List<String> teams = List.of(args[0].split(","));
        String member = args.length > 1 ? args[1] : "dev-" + teams.get(0);
        String organisation = args.length > 2 ? args[2] : "gemeente";
        System.out.println(token(member, organisation, teams));
    }

    /** A signed dev token for {@code member} of {@code organisation} in {@code teams}. */
    public static String token(String member, String organisation, List<String> teams) {
        return Jwt.issuer(ISSUER)
                .subject(member)
                .upn(member)
                .claim("org", organisation)
                .claim("teams", teams)
                .expiresIn(LIFESPAN)
                .sign(privateKey());
    }

    static PrivateKey privateKey() {
        try (InputStream in = DevToken.class.getClassLoader().getResourceAsStream(KEY)) {
            if (in == null) {
                throw new IllegalStateException(KEY + " is not on the classpath");
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + KEY, e);
        }
    }
}
