package nl.loket.knowledge;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.oidc.TestTokens;

/** Requests with a valid access token of the test OpenID provider, per role of the roles table. */
public final class Api {

    private Api() {
    }

    /** An agent of the KCC: reads knowledge and case status. */
    public static RequestSpecification asAgent() {
        return withToken(TestTokens.as("agent-k").roles(Roles.AGENT).organisation("gemeente").teams("kcc")
                .municipalities("0363").sign());
    }

    /** A knowledge editor: reads and changes teams, products, categories and articles. */
    public static RequestSpecification asEditor() {
        return withToken(TestTokens.as("editor-k").roles(Roles.EDITOR).organisation("gemeente").sign());
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
