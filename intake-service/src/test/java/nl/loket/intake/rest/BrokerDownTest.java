package nl.loket.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** The producer points at a port where no broker listens: the adapter must get 503 fast, not a hang. */
@QuarkusTest
@WithKafkaAndPostgres(database = "intake")
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.contacts-received.bootstrap.servers", "localhost:" + closedPort());
        }
    }

    static RequestSpecification given() {
        return ContactResourceTest.given();
    }

    @Test
    void unavailableBrokerGives503WithRetryAfterWithinSeconds() {
        // the first request of a fresh application also opens the database pool; measure the broker wait only
        given().get("/api/v1/contacts/00000000-0000-4000-8000-000000000000").then().statusCode(404);
        Instant start = Instant.now();
        given().contentType(ContentType.JSON).body(ContactResourceTest.body("Is de broker er?"))
                .when().post("/api/v1/contacts")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
