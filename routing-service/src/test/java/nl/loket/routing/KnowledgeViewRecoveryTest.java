package nl.loket.routing;

import static nl.loket.routing.Api.asAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TermUnit;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.messaging.KnowledgeTopicsReader;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * The knowledge view's reader fails (as a {@code listTopics} timeout would, injected through its test hook) and keeps
 * failing for a while: the service is not ready, previews answer 503, a contact that arrives meanwhile is not
 * decided; when the failure is gone the reader starts again with a new consumer, reads everything again, and only
 * then is the contact routed — on the full knowledge, including a change made while the reader was down.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class KnowledgeViewRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOISE = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";

    /** The management interface's root {@code …/q/} (the value is relative to its root path); not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject
    KnowledgeView view;
    @Inject
    KnowledgeTopicsReader reader;
    @Inject
    MeterRegistry meters;

    private final AtomicBoolean failing = new AtomicBoolean();

    @BeforeEach
    void viewCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
        reader.faultInjection(() -> {
            if (failing.get()) {
                throw new TimeoutException("Timeout expired while fetching topic metadata (injected)");
            }
        });
    }

    @AfterEach
    void readerHealthy() {
        failing.set(false);
        reader.faultInjection(null);
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    @Test
    void theReaderStartsAgainAfterAFailureAndNoContactIsDecidedBeforeTheViewCaughtUp() throws Exception {
        RestAssured.given().get(management + "health/ready").then().statusCode(200);
        double restartsBefore = restarts();

        failing.set(true);
        await().atMost(WAIT).until(() -> !view.isCaughtUp());
        await().atMost(WAIT).until(() -> restarts() >= restartsBefore + 2); // it keeps trying, with back-off
        RestAssured.given().get(management + "health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'knowledge-view' }.status", equalTo("DOWN"));
        asAgent().contentType(ContentType.JSON)
                .body(Map.of("municipality", "GM0363", "channel", "WEB_FORM", "text", NOISE)).post("/api/v1/routing/preview")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("Not ready")).body("detail", containsString("not caught up"));

        // knowledge changes while the reader is down, and a contact arrives
        String uri = "urn:test:product:hondenuitlaatvergunning-" + System.nanoTime();
        ProductChanged product = new ProductChanged(uri, "hondenuitlaatvergunning", "aanvraag", null,
                List.of("hondenuitlaatvergunning", "uitlaatservice"), "sociaal-domein",
                new HandlingTerm(10, TermUnit.WORKING_DAYS));
        TopicClient.send(Topics.KNOWLEDGE_PRODUCTS, uri, TestContacts.json(product),
                TopicClient.cloudEventHeaders(ProductChanged.TYPE, uri));
        ContactReceived noise = TestContacts.contact(NOISE);
        TestContacts.send(noise);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicClient.readAll(Topics.CONTACTS_ROUTED, Duration.ofSeconds(5)).stream()
                        .noneMatch(r -> noise.contactId().equals(r.key())));

        Instant released = Instant.now();
        failing.set(false);
        await().atMost(WAIT).until(view::isCaughtUp);
        await().atMost(WAIT).untilAsserted(() -> RestAssured.given().get(management + "health/ready").then().statusCode(200)
                .body("checks.name", hasItem("knowledge-view")));

        JsonNode routed = EventJson.mapper().readTree(TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> noise.contactId().equals(r.key()), 1, WAIT).get(0).value());
        assertThat(routed.get("teamId").asText()).isEqualTo("veiligheid"); // the full knowledge, not an empty view
        assertThat(Instant.parse(routed.get("routedAt").asText())).isAfterOrEqualTo(released.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        // the new consumer read from the beginning: the old knowledge and the change made while it was down
        assertThat(view.snapshot().products()).containsKey(uri)
                .containsKey("http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_kap");
        TopicClient.send(Topics.KNOWLEDGE_PRODUCTS, uri, null, TopicClient.cloudEventHeaders(ProductChanged.TYPE, uri));
        await().atMost(WAIT).until(() -> !view.snapshot().products().containsKey(uri));
    }

    private double restarts() {
        var counter = meters.find(KnowledgeTopicsReader.RESTARTS_METRIC).counter();
        return counter == null ? 0 : counter.count();
    }
}
