package nl.loket.workspace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.QuarkusTestResource;
import nl.loket.testsupport.oidc.OidcTestIssuer;

/**
 * The werkplek's test stereotype: the real token check against test-support's OpenID provider, and the other
 * services played by {@link FakeServices}. Both unrestricted, so the test classes share one application start. Put
 * it on every {@code @QuarkusTest} class of the module.
 */
@QuarkusTestResource(value = OidcTestIssuer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeServices.class, restrictToAnnotatedClass = false)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithFakeServices {
}
