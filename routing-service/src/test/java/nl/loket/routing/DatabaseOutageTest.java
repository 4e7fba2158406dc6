package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.test.junit.TestProfile;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.PostgresBehindProxyResource;
import nl.loket.testsupport.PostgresOutageProfile;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;

/**
 * PostgreSQL goes away under the running consumer (connections reset, new ones refused, as in a crash, restart or
 * fail-over) while contacts keep arriving: routing waits it out, dead-letters none of them, and routes every one
 * exactly once when the database is back.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindProxy.class)
class DatabaseOutageTest {

    /** Its own application, PostgreSQL behind the proxy (see PostgresOutageProfile). */
    public static class BehindProxy extends PostgresOutageProfile {

        @Override
        protected String database() {
            return "routing_outage";
        }

        @Override
        protected List<TestResourceEntry> moreResources() {
            return List.of(new TestResourceEntry(KnowledgeTopicsResource.class));
        }
    }

    /** The management interface's root {@code …/q/} (the value is relative to its root path); not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private static final String TEXT = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";

    @Test
    void contactsArrivingWhileTheDatabaseIsAwayAreRoutedOnceWhenItIsBack() throws Exception {
        ContactReceived before = TestContacts.contact(TEXT);
        TestContacts.send(before);
        TopicClient.await(Topics.CONTACTS_ROUTED, r -> r.key().equals(before.contactId()), 1, Duration.ofSeconds(60));

        PostgresBehindProxyResource.proxy().cut();
        List<String> during = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ContactReceived c = TestContacts.contact(TEXT);
                TestContacts.send(c);
                during.add(c.contactId());
            }
            // nothing routed and nothing dead-lettered for longer than the listener's retries of a record failure
            // (5, up to 5 s apart) would take: the outage is waited out, not blamed on the records
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> Stream.concat(TopicClient.readAll(Topics.CONTACTS_ROUTED, Duration.ofSeconds(10)).stream(),
                            TopicClient.readAll(Topics.deadLetter(Topics.CONTACTS_RECEIVED), Duration.ofSeconds(10)).stream())
                            .noneMatch(r -> during.contains(r.key())));
        } finally {
            PostgresBehindProxyResource.proxy().restore();
        }

        List<ReadRecord> routed = TopicClient.awaitKeysOn(KafkaTestResource.bootstrapServers(), Topics.CONTACTS_ROUTED,
                during, Duration.ofSeconds(60));
        Map<String, Set<String>> eventIds = routed.stream().collect(Collectors.groupingBy(ReadRecord::key,
                Collectors.mapping(r -> r.header("ce_id"), Collectors.toSet())));
        assertThat(eventIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(TopicClient.readAll(Topics.deadLetter(Topics.CONTACTS_RECEIVED), Duration.ofSeconds(10)))
                .noneMatch(r -> during.contains(r.key()));
        // and the service reports itself ready again (its database check included)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> RestAssured.given().get(management + "health/ready").then().statusCode(200));
    }
}
