package nl.loket.testsupport.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID provider for {@code @QuarkusTest}s, as far as a bearer-token service needs one: the discovery
 * document and the JWKS, served over HTTP on a free loopback port, with an RSA key made for this test JVM.
 * The service under test runs its unchanged {@code quarkus-oidc} check against it (issuer discovered, signature
 * checked against the JWKS, audience and expiry checked); {@link TestTokens} signs the tokens. Started once per
 * test JVM; part of {@link nl.loket.testsupport.WithKafkaAndPostgres}.
 *
 * <p>Why not Keycloak here: a Keycloak start costs ~30 s of a 2-core machine per test JVM; the end-to-end tests and
 * the local platform use Keycloak. Why not Quarkus' WireMock-based OIDC test server: it binds the fixed port 8180,
 * which is the local platform's Keycloak.
 */
public class OidcTestIssuer implements QuarkusTestResourceLifecycleManager {

    /** The realm path of the test issuer; the issuer is {@code http://127.0.0.1:<port>/realms/loket-test}. */
    static final String REALM = "/realms/loket-test";
    static final String KEY_ID = "loket-test-key";

    private static HttpServer server;
    private static KeyPair keys;

    /** The issuer URL, starting the provider if needed. */
    public static synchronized String issuer() {
        if (server == null) {
            try {
                keys = newRsaKeyPair();
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the test OpenID provider", e);
            }
            server.createContext(REALM + "/.well-known/openid-configuration", exchange -> json(exchange, discovery()));
            server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> json(exchange, jwks()));
            server.start();
            HttpServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(0), "oidc-test-issuer-shutdown"));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    static synchronized KeyPair keys() {
        issuer();
        return keys;
    }

    static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String discovery() {
        String issuer = issuer();
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                "authorization_endpoint":"%1$s/protocol/openid-connect/auth",\
                "token_endpoint":"%1$s/protocol/openid-connect/token",\
                "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],\
                "subject_types_supported":["public"]}""".formatted(issuer);
    }

    private static String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, b64.encodeToString(unsigned(key.getModulus().toByteArray())),
                        b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] bigEndian) {
        if (bigEndian.length > 1 && bigEndian[0] == 0) {
            byte[] trimmed = new byte[bigEndian.length - 1];
            System.arraycopy(bigEndian, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bigEndian;
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM; stopped at JVM exit
    }
}
