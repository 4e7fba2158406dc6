package nl.loket.kit.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.kit.auth.Caller;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

@QuarkusTest
@WithKafkaAndPostgres(database = "kit")
class ProcessingLogTest {

    private static final Caller AGENT = new Caller("agent-wmo", "gemeente-utrecht", Set.of("sociaal-domein"),
            Set.of("GM0344"), Optional.empty(), Set.of(Roles.AGENT));

    @Inject
    ProcessingLog log;

    @Inject
    ProcessingLogRetention retention;

    @Test
    void everyContactOfARecordedReadIsListedForTheOperatorNewestFirst() throws Throwable {
        String a = "c-" + UUID.randomUUID();
        String b = "c-" + UUID.randomUUID();
        record(AGENT, Purpose.QUEUE_OVERVIEW, List.of(a, b), null);
        record(AGENT, Purpose.CONTACT_HANDLING, List.of(a), "req-1");

        given().auth().oauth2(operator()).queryParam("contactId", a)
                .when().get("/api/v1/processing-log")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].purpose", equalTo("CONTACT_HANDLING"))
                .body("[0].purposeLabel", equalTo("Behandeling van het contact door het team"))
                .body("[0].actor", equalTo("agent-wmo"))
                .body("[0].organisation", equalTo("gemeente-utrecht"))
                .body("[0].roles", equalTo("agent"))
                .body("[0].endpoint", equalTo("GET /api/v1/test"))
                .body("[0].requestId", equalTo("req-1"))
                .body("[1].purpose", equalTo("QUEUE_OVERVIEW"));
        given().auth().oauth2(operator()).queryParam("contactId", b).queryParam("purpose", "queue_overview")
                .when().get("/api/v1/processing-log")
                .then().statusCode(200).body("", hasSize(1)).body("[0].contactId", equalTo(b));
    }

    @Test
    void aRequestThatFoundNoContactIsStillLogged() throws Throwable {
        String request = "req-" + UUID.randomUUID();
        record(AGENT, Purpose.SUBJECT_ERASURE, List.of(), request);

        List<ProcessingLogEntry> found = VertxContextSupport.subscribeAndAwait(() -> log.find(Optional.empty(),
                Optional.empty(), Optional.of(Purpose.SUBJECT_ERASURE), Optional.empty(), Optional.empty(), 1000));
        assertThat(found).anySatisfy(e -> {
            assertThat(e.requestId()).isEqualTo(request);
            assertThat(e.contactId()).isNull();
        });
    }

    @Test
    void onlyAnOperatorReadsTheLogAndBadFiltersAre400() {
        given().when().get("/api/v1/processing-log").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("agent-wmo", "sociaal-domein"))
                .when().get("/api/v1/processing-log").then().statusCode(403);
        given().auth().oauth2(operator()).queryParam("purpose", "gossip")
                .when().get("/api/v1/processing-log").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(operator()).queryParam("from", "yesterday")
                .when().get("/api/v1/processing-log").then().statusCode(400);
    }

    @Test
    void entriesOlderThanTheRetentionArePurgedAndYoungerOnesKept() throws Throwable {
        String old = "c-old-" + UUID.randomUUID();
        String young = "c-young-" + UUID.randomUUID();
        record(AGENT, Purpose.CONTACT_HANDLING, List.of(old), null);
        record(AGENT, Purpose.CONTACT_HANDLING, List.of(young), null);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("update processing_log set logged_at = ?1 where contact_id = ?2")
                        .setParameter(1, Instant.now().minus(Duration.ofDays(400)).atOffset(ZoneOffset.UTC))
                        .setParameter(2, old).executeUpdate())));

        long purged = VertxContextSupport.subscribeAndAwait(() -> retention.purge());

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(find(old)).isEmpty();
        assertThat(find(young)).hasSize(1);
    }

    private void record(Caller caller, Purpose purpose, List<String> ids, String requestId) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> log.record(caller, purpose, "GET /api/v1/test", requestId, ids)));
    }

    private List<ProcessingLogEntry> find(String contactId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> log.find(Optional.of(contactId), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 10));
    }

    private static String operator() {
        return TestTokens.as("operator-1").roles(Roles.OPERATOR).sign();
    }
}
