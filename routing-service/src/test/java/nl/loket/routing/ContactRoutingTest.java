package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** ContactReceived in, ContactRouted and ContactAssigned out; transfers, redelivery and dead letters. */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class ContactRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static final String NOISE = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";

    @jakarta.inject.Inject
    nl.loket.routing.knowledge.KnowledgeView view;
    @jakarta.inject.Inject
    nl.loket.routing.service.Pseudonyms pseudonyms;

    /** No decision (and no preview) before the knowledge view has caught up. */
    @org.junit.jupiter.api.BeforeEach
    void viewCaughtUp() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    private static JsonNode json(ReadRecord r) throws Exception {
        return MAPPER.readTree(r.value());
    }

    private static void assertValidCloudEvent(ReadRecord r, String type, String contactId) {
        assertThat(EventSchemaValidator.instance().validate(type, r.value())).as(r.value()).isEmpty();
        assertThat(r.key()).isEqualTo(contactId);
        assertThat(r.header("ce_specversion")).isEqualTo("1.0");
        assertThat(r.header("ce_type")).isEqualTo(type);
        assertThat(r.header("ce_source")).isEqualTo("urn:loket:routing-service");
        assertThat(r.header("ce_subject")).isEqualTo(contactId);
        assertThat(r.header("ce_id")).isNotBlank();
        assertThat(r.header("ce_time")).isNotBlank();
    }

    private static List<ReadRecord> routed(String contactId, int count) {
        return TopicClient.await(Topics.CONTACTS_ROUTED, r -> contactId.equals(r.key()), count, WAIT);
    }

    @Test
    void receivedContactIsRoutedAndHandedToTheTeamWithoutBsn() throws Exception {
        ContactReceived contact = TestContacts.contact(NOISE);
        TestContacts.send(contact);

        ReadRecord routed = routed(contact.contactId(), 1).get(0);
        assertValidCloudEvent(routed, ContactRouted.TYPE, contact.contactId());
        JsonNode decision = json(routed);
        assertThat(decision.get("teamId").asText()).isEqualTo("veiligheid");
        assertThat(decision.get("tier").asText()).isEqualTo("CHAIN_TEAM");
        assertThat(decision.get("hop").asInt()).isZero();
        assertThat(decision.get("policyName").asText()).isEqualTo("chain-specialised-kcc");
        // the reason in Dutch, naming the team (the text model decides it: it learnt such reports from the examples)
        assertThat(decision.get("reason").asText()).startsWith("Het tekstmodel (versie ")
                .contains("Ketenteam Veiligheid");

        ReadRecord assigned = TopicClient.await(Topics.teamContacts("veiligheid"),
                r -> contact.contactId().equals(r.key()), 1, WAIT).get(0);
        assertValidCloudEvent(assigned, ContactAssigned.TYPE, contact.contactId());
        JsonNode team = json(assigned);
        assertThat(team.get("text").asText()).isEqualTo(NOISE);
        // the same Dutch reason as on contacts.routed, and the matched knowledge article for the agent's screen
        assertThat(team.get("reason").asText()).isEqualTo(decision.get("reason").asText());
        assertThat(team.get("articleId").asText()).isNotBlank().isEqualTo(decision.get("articleId").asText());
        // the team's own reference, never the global one
        assertThat(team.get("citizen").get("citizenRef").asText())
                .isEqualTo(pseudonyms.teamRef("veiligheid", TestContacts.CITIZEN_REF))
                .isNotEqualTo(TestContacts.CITIZEN_REF);
        assertThat(team.get("citizen").get("name").asText()).isEqualTo("J. de Vries");
        assertThat(assigned.value()).doesNotContain(TestContacts.CITIZEN_REF);
        assertThat(routed.value()).doesNotContain(TestContacts.CITIZEN_REF).doesNotContain("J. de Vries")
                .doesNotContain(NOISE);
        assertThat(assigned.value().toLowerCase()).doesNotContain("bsn");
        assertThat(assigned.value()).doesNotContainPattern("\\b\\d{9}\\b");
        assertThat(assigned.headers().keySet()).noneMatch(h -> h.toLowerCase().contains("bsn"));
    }

    @Test
    void redeliveredContactGivesTheSameDecisionAndNoNewEventId() throws Exception {
        ContactReceived contact = TestContacts.contact(NOISE);
        TestContacts.send(contact);
        routed(contact.contactId(), 1);
        TestContacts.send(contact); // redelivery: same contact, new ce_id

        List<ReadRecord> records = routed(contact.contactId(), 2);
        assertThat(records.stream().map(r -> r.header("ce_id")).collect(Collectors.toSet())).hasSize(1);
        assertThat(json(records.get(1))).isEqualTo(json(records.get(0)));
        List<ReadRecord> assigned = TopicClient.await(Topics.teamContacts("veiligheid"),
                r -> contact.contactId().equals(r.key()), 2, WAIT);
        assertThat(assigned.stream().map(r -> r.header("ce_id")).collect(Collectors.toSet())).hasSize(1);
    }

    @Test
    void theReasonIsDutchOnBothTopicsAndTheTeamGetsTheMatchedArticleAlsoOnRedelivery() throws Exception {
        ContactReceived contact = TestContacts.contact("Hoe vraag ik een nieuw paspoort aan en wat kost dat?");
        TestContacts.send(contact);

        ReadRecord routed = routed(contact.contactId(), 1).get(0);
        JsonNode decision = json(routed);
        assertThat(decision.get("teamId").asText()).isEqualTo("kcc");
        assertThat(decision.get("rule").asText()).isEqualTo("information-question");
        assertThat(decision.get("reason").asText())
                .startsWith("De burger stelt een algemene informatievraag (herkend aan ")
                .contains("; Klantcontactcentrum beantwoordt die direct (artikel '");
        assertThat(decision.hasNonNull("articleId")).as(routed.value()).isTrue();
        String articleId = decision.get("articleId").asText();

        ReadRecord assigned = TopicClient.await(Topics.teamContacts("kcc"), r -> contact.contactId().equals(r.key()), 1,
                WAIT).get(0);
        assertValidCloudEvent(assigned, ContactAssigned.TYPE, contact.contactId());
        JsonNode team = json(assigned);
        assertThat(team.get("reason").asText()).isEqualTo(decision.get("reason").asText());
        assertThat(team.get("articleId").asText()).isEqualTo(articleId);

        TestContacts.send(contact); // redelivery: the stored decision, rebuilt, in the same words and with the article
        List<ReadRecord> routedAgain = routed(contact.contactId(), 2);
        assertThat(json(routedAgain.get(1))).isEqualTo(decision);
        List<ReadRecord> assignedAgain = TopicClient.await(Topics.teamContacts("kcc"),
                r -> contact.contactId().equals(r.key()), 2, WAIT);
        assertValidCloudEvent(assignedAgain.get(1), ContactAssigned.TYPE, contact.contactId());
        assertThat(json(assignedAgain.get(1))).isEqualTo(team);
    }

    @Test
    void transferredContactGoesToTheRequestedTeamWithNextHop() throws Exception {
        ContactReceived contact = TestContacts.contact(NOISE);
        TestContacts.send(contact);
        routed(contact.contactId(), 1);

        ContactTransferRequested transfer = new ContactTransferRequested(contact.contactId(), "veiligheid",
                "juridische-zaken", 0, "Burger wil de gemeente aansprakelijk stellen", "agent-17", Instant.now());
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, contact.contactId(), TestContacts.json(transfer),
                TopicClient.cloudEventHeaders(ContactTransferRequested.TYPE, contact.contactId()));

        ReadRecord assigned = TopicClient.await(Topics.teamContacts("juridische-zaken"),
                r -> contact.contactId().equals(r.key()), 1, WAIT).get(0);
        assertValidCloudEvent(assigned, ContactAssigned.TYPE, contact.contactId());
        JsonNode a = json(assigned);
        assertThat(a.get("hop").asInt()).isEqualTo(1);
        assertThat(a.get("previousTeamId").asText()).isEqualTo("veiligheid");
        assertThat(a.get("transferReason").asText()).isEqualTo("Burger wil de gemeente aansprakelijk stellen");
        assertThat(a.get("text").asText()).isEqualTo(NOISE);

        ReadRecord hop1 = TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> contact.contactId().equals(r.key()) && r.value().contains("\"hop\":1"), 1, WAIT).get(0);
        assertValidCloudEvent(hop1, ContactRouted.TYPE, contact.contactId());
        JsonNode d = json(hop1);
        assertThat(d.get("teamId").asText()).isEqualTo("juridische-zaken");
        assertThat(d.get("rule").asText()).isEqualTo("transfer-requested-team");
        assertThat(d.get("previousTeamId").asText()).isEqualTo("veiligheid");
        // the agent's free text goes to the new team only, never into the decision's reason (contacts.routed)
        assertThat(d.get("reason").asText())
                .isEqualTo("Ketenteam Veiligheid zet het contact door naar Juridische Zaken, zoals gevraagd.");
        assertThat(a.get("reason").asText()).isEqualTo(d.get("reason").asText());
        assertThat(a.get("citizen").get("citizenRef").asText())
                .isEqualTo(pseudonyms.teamRef("juridische-zaken", TestContacts.CITIZEN_REF));
    }

    @Test
    void transferWithoutAKnownTargetIsRoutedAgainWithoutTheRequestingTeam() throws Exception {
        ContactReceived contact = TestContacts.contact(NOISE);
        TestContacts.send(contact);
        routed(contact.contactId(), 1);

        ContactTransferRequested transfer = new ContactTransferRequested(contact.contactId(), "veiligheid",
                "no-such-team", 0, "Niet voor ons", "agent-3", Instant.now());
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, contact.contactId(), TestContacts.json(transfer),
                TopicClient.cloudEventHeaders(ContactTransferRequested.TYPE, contact.contactId()));

        ReadRecord hop1 = TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> contact.contactId().equals(r.key()) && r.value().contains("\"hop\":1"), 1, WAIT).get(0);
        assertValidCloudEvent(hop1, ContactRouted.TYPE, contact.contactId());
        JsonNode d = json(hop1);
        assertThat(d.get("teamId").asText()).isNotEqualTo("veiligheid");
        assertThat(d.get("previousTeamId").asText()).isEqualTo("veiligheid");
        assertThat(d.get("reason").asText())
                .startsWith("Ketenteam Veiligheid zet het contact door en het is opnieuw verdeeld zonder Ketenteam "
                        + "Veiligheid. ")
                .doesNotContain("Niet voor ons");
        ReadRecord assigned = TopicClient.await(Topics.teamContacts(d.get("teamId").asText()),
                r -> contact.contactId().equals(r.key()) && r.value().contains("\"hop\":1"), 1, WAIT).get(0);
        assertValidCloudEvent(assigned, ContactAssigned.TYPE, contact.contactId());
        // the new decision's article (if it matched one) goes to the new team too, as on contacts.routed
        assertThat(json(assigned).path("articleId")).isEqualTo(d.path("articleId"));
        assertThat(json(assigned).get("reason").asText()).isEqualTo(d.get("reason").asText());
    }

    @Test
    void brokenRecordsGoToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        String notJsonKey = "c-broken-" + System.nanoTime();
        TopicClient.send(Topics.CONTACTS_RECEIVED, notJsonKey, "this is {not json",
                TopicClient.cloudEventHeaders(ContactReceived.TYPE, notJsonKey));
        String invalidKey = "c-invalid-" + System.nanoTime();
        TopicClient.send(Topics.CONTACTS_RECEIVED, invalidKey,
                "{\"contactId\":\"" + invalidKey + "\",\"municipality\":\"Amsterdam\",\"channel\":\"PIGEON\"}",
                TopicClient.cloudEventHeaders(ContactReceived.TYPE, invalidKey));
        ContactReceived good = TestContacts.contact(NOISE);
        TestContacts.send(good);

        ReadRecord notJson = TopicClient.await(Topics.deadLetter(Topics.CONTACTS_RECEIVED),
                r -> notJsonKey.equals(r.key()), 1, WAIT).get(0);
        assertThat(notJson.header("dead-letter-reason")).contains("not JSON");
        assertThat(notJson.value()).isEqualTo("this is {not json");
        ReadRecord invalid = TopicClient.await(Topics.deadLetter(Topics.CONTACTS_RECEIVED),
                r -> invalidKey.equals(r.key()), 1, WAIT).get(0);
        assertThat(invalid.header("dead-letter-reason")).contains("schema-invalid");
        routed(good.contactId(), 1);
    }

    @Test
    void brokenTransfersAndSettlementsGoToTheLifecycleDeadLetterTopicAndOtherLifecycleEventsAreSkipped() {
        String key = "c-lifecycle-" + System.nanoTime();
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, key, "{\"contactId\":\"" + key + "\"}",
                TopicClient.cloudEventHeaders(ContactTransferRequested.TYPE, key));
        // a settlement routing never routed is recorded (nothing to learn from without its text), never dead-lettered
        String handledKey = "c-handled-" + System.nanoTime();
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, handledKey, TestContacts.json(new ContactHandled(handledKey,
                "kcc", nl.loket.contracts.events.Tier.FIRST_LINE, 0, nl.loket.contracts.events.Channel.PHONE,
                nl.loket.contracts.events.Outcome.ANSWERED, "agent", "gemeente", true, Instant.now())),
                TopicClient.cloudEventHeaders(ContactHandled.TYPE, handledKey));
        // event types routing does not read are skipped, whatever their content
        String otherKey = "c-other-" + System.nanoTime();
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, otherKey, "{\"whatever\":true}",
                TopicClient.cloudEventHeaders(nl.loket.contracts.events.CallbackRequested.TYPE, otherKey));
        // a broken settlement is dead-lettered with its reason (routing learns from settlements)
        String brokenHandledKey = "c-broken-handled-" + System.nanoTime();
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, brokenHandledKey, "{\"whatever\":true}",
                TopicClient.cloudEventHeaders(ContactHandled.TYPE, brokenHandledKey));
        String unknownKey = "c-unknown-" + System.nanoTime();
        ContactTransferRequested unknown = new ContactTransferRequested(unknownKey, "kcc", null, 0, "?", "agent",
                Instant.now());
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, unknownKey, TestContacts.json(unknown),
                TopicClient.cloudEventHeaders(ContactTransferRequested.TYPE, unknownKey));

        ReadRecord dead = TopicClient.await(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE),
                r -> key.equals(r.key()), 1, WAIT).get(0);
        assertThat(dead.header("dead-letter-reason")).contains("schema-invalid");
        ReadRecord unknownDead = TopicClient.await(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE),
                r -> unknownKey.equals(r.key()), 1, WAIT).get(0);
        assertThat(unknownDead.header("dead-letter-reason")).contains("unknown contact");
        // the handled event (sent before the unknown transfer, same partition or not) never reaches the DLQ
        Set<String> deadKeys = TopicClient.readAll(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE), WAIT).stream()
                .map(ReadRecord::key).collect(Collectors.toSet());
        assertThat(deadKeys).doesNotContain(handledKey, otherKey);
        ReadRecord brokenHandled = TopicClient.await(Topics.deadLetter(Topics.CONTACTS_LIFECYCLE),
                r -> brokenHandledKey.equals(r.key()), 1, WAIT).get(0);
        assertThat(brokenHandled.header("dead-letter-reason")).contains("schema-invalid");
    }
}
