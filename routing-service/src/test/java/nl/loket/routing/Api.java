package nl.loket.routing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.oidc.TestTokens;

/** Requests with a valid access token of the test OpenID provider, for the roles that may preview routing. */
public final class Api {

    private Api() {
    }

    /** An agent of the KCC (a preview's usual caller). */
    public static String agentToken() {
        return TestTokens.agent("agent-r", "kcc");
    }

    /** A knowledge editor (checks where a product or category sends contacts). */
    public static String editorToken() {
        return TestTokens.as("editor-r").roles(Roles.EDITOR).organisation("gemeente").sign();
    }

    public static RequestSpecification asAgent() {
        return withToken(agentToken());
    }

    public static RequestSpecification asEditor() {
        return withToken(editorToken());
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
