package nl.loket.intake.rest;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * Requests with a valid access token of the test OpenID provider, as the channel adapters of the local realm sign in
 * (role adapter, claim adapter_id): {@code phone} may set ivrChoice, {@code counter} deskTopic ({@code
 * loket.intake.signals.*}); {@code webform} and {@code email} neither. Operators (role operator) make the
 * data-subject requests.
 */
final class Api {

    static final String PHONE = "phone";
    static final String COUNTER = "counter";
    static final String WEBFORM = "webform";
    static final String EMAIL = "email";

    private Api() {
    }

    static RequestSpecification asAdapter(String adapterId) {
        return withToken(TestTokens.adapter(adapterId));
    }

    /** An operator of the platform (data-subject requests, processing log), signed in as {@code member}. */
    static RequestSpecification asOperator(String member) {
        return withToken(TestTokens.as(member).roles(Roles.OPERATOR).organisation("gemeente").sign());
    }

    static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
