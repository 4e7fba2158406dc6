package nl.loket.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.QuarkusTestResource;
import nl.loket.testsupport.oidc.OidcTestIssuer;

/**
 * What a service's {@code @QuarkusTest} runs against: the real Kafka broker of the test JVM
 * ({@link KafkaTestResource}) and a database of its own on the test JVM's real PostgreSQL
 * ({@link PostgresTestResource}, recreated once per JVM), and the test JVM's OpenID provider ({@link OidcTestIssuer}:
 * discovery and JWKS; tokens from {@link nl.loket.testsupport.oidc.TestTokens}).
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithKafkaAndPostgres(database = "intake")
 * class ContactResourceTest { … }
 * </pre>
 *
 * <p>Put it on <em>every</em> {@code @QuarkusTest} class of the module, with the same database. Quarkus finds
 * test resources declared on a meta-annotation only on the class that carries it (unlike a plain
 * {@code @QuarkusTestResource}, which it finds anywhere in the module's test classes and applies to all). Both are
 * declared here with {@code restrictToAnnotatedClass = false} (scope {@code GLOBAL}, never restricted to a class),
 * so classes that carry the same stereotype have the same resources and share one application start; a
 * {@code @QuarkusTest} without it would get neither resource, and a restart of its own.
 *
 * <p>A test with a {@link PostgresOutageProfile} does not carry it: the profile declares its own resources and
 * disables these.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcTestIssuer.class, restrictToAnnotatedClass = false)
public @interface WithKafkaAndPostgres {

    /** The service's database, as in services.tsv (e.g. {@code intake}). */
    String database();
}
