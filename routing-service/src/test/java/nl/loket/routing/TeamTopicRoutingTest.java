package nl.loket.routing;

import static nl.loket.routing.Api.asAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.contracts.events.Tier;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.service.RoutingService;
import nl.loket.testsupport.KafkaTestResource;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Routing hands contacts only to teams it knows and whose topic exists, against the real broker (which would
 * auto-create a topic that anyone writes to, unlike a production cluster).
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class TeamTopicRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PREVIEW = "/api/v1/routing/preview";

    /** The management interface's root {@code …/q/} (the value is relative to its root path); not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject
    KnowledgeView view;
    @Inject
    MeterRegistry meters;

    @BeforeEach
    void viewCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    @Test
    void aCaseNamingAnUnknownTeamIsRoutedByTheOtherRulesAndNoTopicOfThatTeamAppears() throws Exception {
        String team = "onbekend-team-" + UUID.randomUUID().toString().substring(0, 8);
        String reference = "OV-2026-" + (10000 + (int) (Math.random() * 89999));
        CaseStatusChanged status = new CaseStatusChanged(reference, "GM0363",
                "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_bouw", team, "IN_BEHANDELING",
                "In behandeling", LocalDate.now().plusWeeks(2), Instant.now());
        assertThat(EventSchemaValidator.instance().validate(CaseStatusChanged.TYPE, TestContacts.json(status))).isEmpty();
        TopicClient.send(Topics.CASES_STATUS, reference, TestContacts.json(status),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, reference));
        await().atMost(WAIT).until(() -> view.snapshot().caseStatus(reference).isPresent());

        String text = "Ik wil een omgevingsvergunning aanvragen voor een dakkapel op mijn woning.";
        Map<String, Object> withCase = new HashMap<>(Map.of("municipality", "GM0363", "channel", "WEB_FORM",
                "text", text, "caseReference", reference));
        Map<String, Object> withoutCase = new HashMap<>(withCase);
        withoutCase.remove("caseReference");
        String expectedTeam = asAgent().contentType(ContentType.JSON).body(withoutCase).post(PREVIEW).then()
                .statusCode(200).extract().path("teamId");
        asAgent().contentType(ContentType.JSON).body(withCase).post(PREVIEW).then().statusCode(200)
                .body("teamId", org.hamcrest.Matchers.equalTo(expectedTeam));

        ContactReceived contact = contact(text, reference, null);
        TestContacts.send(contact);
        JsonNode routed = routed(contact);
        assertThat(routed.get("teamId").asText()).isEqualTo(expectedTeam).isNotEqualTo(team)
                .isIn(DefaultTeams.ALL);
        TopicClient.await(Topics.teamContacts(expectedTeam), r -> contact.contactId().equals(r.key()), 1, WAIT);
        assertThat(topics()).doesNotContain(Topics.teamContacts(team));
    }

    @Test
    void aKnownTeamWithoutItsTopicGetsNothingTheFirstLineTakesItUntilTheTopicExists() throws Exception {
        String team = "zonder-topic-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = Topics.teamContacts(team);
        TeamChanged teamChanged = new TeamChanged(team, "Proefteam zonder topic", Tier.CHAIN_TEAM, null, null);
        TopicClient.send(Topics.KNOWLEDGE_TEAMS, team, TestContacts.json(teamChanged),
                TopicClient.cloudEventHeaders(TeamChanged.TYPE, team));
        try {
            await().atMost(WAIT).until(() -> view.snapshot().knowsTeam(team));
            assertThat(view.hasTeamTopic(team)).isFalse();

            ContactReceived first = contact("Goedemiddag, ik heb een vraag.", null, team);
            TestContacts.send(first);
            ReadRecord routedRecord = TopicClient.await(Topics.CONTACTS_ROUTED,
                    r -> first.contactId().equals(r.key()), 1, WAIT).get(0);
            assertThat(EventSchemaValidator.instance().validate(ContactRouted.TYPE, routedRecord.value())).isEmpty();
            JsonNode routed = EventJson.mapper().readTree(routedRecord.value());
            assertThat(routed.get("teamId").asText()).isEqualTo("kcc");
            assertThat(routed.get("tier").asText()).isEqualTo("FIRST_LINE");
            assertThat(routed.get("rule").asText()).isEqualTo("team-topic-missing");
            assertThat(routed.get("reason").asText()).contains("Proefteam zonder topic").contains(topic)
                    .contains("geen eigen topic");
            ReadRecord assigned = TopicClient.await(Topics.teamContacts("kcc"), r -> first.contactId().equals(r.key()),
                    1, WAIT).get(0);
            assertThat(EventSchemaValidator.instance().validate(ContactAssigned.TYPE, assigned.value())).isEmpty();
            Counter missing = meters.find(RoutingService.TEAM_TOPIC_MISSING_METRIC).tag("team", team).counter();
            assertThat(missing).isNotNull();
            assertThat(missing.count()).isEqualTo(1.0);
            assertThat(topics()).doesNotContain(topic);
            RestAssured.given().get(management + "metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("loket_routing_team_topic_missing_total{team=\"" + team));

            // the topic is provisioned: the next contact goes to the team (the reader lists the topics regularly)
            KnowledgeTopicsResource.createTopics(List.of(topic), 1);
            grantRoutingServiceWrite(topic);
            await().atMost(WAIT).until(() -> view.hasTeamTopic(team));
            ContactReceived second = contact("Goedemiddag, ik heb een vraag.", null, team);
            TestContacts.send(second);
            JsonNode routedAgain = routed(second);
            assertThat(routedAgain.get("teamId").asText()).isEqualTo(team);
            assertThat(routedAgain.get("rule").asText()).isEqualTo("explicit-signal");
            TopicClient.await(topic, r -> second.contactId().equals(r.key()), 1, WAIT);
            assertThat(missing.count()).isEqualTo(1.0);
        } finally {
            TopicClient.send(Topics.KNOWLEDGE_TEAMS, team, null, TopicClient.cloudEventHeaders(TeamChanged.TYPE, team));
            await().atMost(WAIT).until(() -> !view.snapshot().knowsTeam(team));
        }
    }

    /** A phone contact, optionally with a case reference and a phone-menu choice naming a team. */
    private static ContactReceived contact(String text, String caseReference, String ivrChoice) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ContactReceived("c-" + UUID.randomUUID(), "GM0363", Channel.PHONE, now, now, null, text, "nl",
                new CitizenDetails(TestContacts.CITIZEN_REF, "J. de Vries", "j.devries@example.nl", "+31612345678"),
                caseReference, null, ivrChoice, null, null, "test-adapter", null);
    }

    private static JsonNode routed(ContactReceived contact) throws Exception {
        ReadRecord r = TopicClient.await(Topics.CONTACTS_ROUTED, x -> contact.contactId().equals(x.key()), 1, WAIT)
                .get(0);
        return EventJson.mapper().readTree(r.value());
    }

    /**
     * A new team topic comes with its ACL lines for routing-service (deploy/README.md): the broker enforces deploy's
     * ACLs, which name the default teams' topics only, so the test grants them as the operator would.
     */
    private static void grantRoutingServiceWrite(String topic) throws Exception {
        ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        try (Admin admin = Admin.create(KafkaTestResource.adminClientProperties())) {
            admin.createAcls(List.of(AclOperation.DESCRIBE, AclOperation.WRITE).stream()
                    .map(op -> new AclBinding(resource,
                            new AccessControlEntry("User:routing-service", "*", op, AclPermissionType.ALLOW)))
                    .toList()).all().get();
        }
    }

        private static Set<String> topics() throws Exception {
        Properties props = KafkaTestResource.adminClientProperties();
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get();
        }
    }
}
