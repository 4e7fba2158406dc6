package nl.loket.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import nl.loket.testsupport.oidc.OidcTestIssuer;

class WithKafkaAndPostgresTest {

    @WithKafkaAndPostgres(database = "stereotype_check")
    static class AServiceTest {
    }

    @Test
    void declaresItsResourcesUnrestrictedSoThatClassesWithTheSameStereotypeShareOneApplication() {
        QuarkusTestResource[] resources = WithKafkaAndPostgres.class.getAnnotationsByType(QuarkusTestResource.class);
        assertThat(Arrays.stream(resources).map(QuarkusTestResource::value).toList())
                .containsExactlyInAnyOrder(KafkaTestResource.class, PostgresTestResource.class, OidcTestIssuer.class);
        assertThat(resources).noneMatch(QuarkusTestResource::restrictToAnnotatedClass);
    }

    @Test
    void theDatabaseOfTheStereotypeIsTheOneTheServiceGets() {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(AServiceTest.class.getAnnotation(WithKafkaAndPostgres.class));
        var config = resource.start();
        assertThat(config.get("quarkus.datasource.reactive.url")).endsWith("/stereotype_check");
        assertThat(config.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://").endsWith("/stereotype_check");
    }
}
