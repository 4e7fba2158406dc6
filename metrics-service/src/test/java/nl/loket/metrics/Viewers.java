package nl.loket.metrics;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.oidc.TestTokens;

/** Requests of a metrics viewer with a valid access token of the test OpenID provider. */
public final class Viewers {

    private Viewers() {
    }

    /**
     * A metrics viewer of the given municipalities (GM codes, as the API names them; the token carries the CBS codes
     * without GM, as the platform's provider issues them).
     */
    public static String token(String... municipalities) {
        return TestTokens.as("viewer-" + String.join("-", municipalities)).roles(Roles.METRICS_VIEWER)
                .organisation("gemeente")
                .municipalities(Arrays.stream(municipalities).map(m -> m.replaceFirst("^GM", "")).toArray(String[]::new))
                .sign();
    }

    public static RequestSpecification viewerOf(String... municipalities) {
        return withToken(token(municipalities));
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
