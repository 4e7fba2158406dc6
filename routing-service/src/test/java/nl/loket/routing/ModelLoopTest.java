package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.auth.Roles;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.repository.ModelRepository;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * The closed loop against the real broker and PostgreSQL: the first model version from the knowledge and the example
 * contacts, the model version on every decision, a contact a transfer corrected teaching the next version (which goes
 * live), a redelivery answered with its first decision, and a version that routes the held-back contacts worse kept
 * out.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Work for veiligheid, which neither the knowledge nor the example contacts teach: the rules leave it to the first
     * line's triage, the first model version places it with openbare-ruimte.
     */
    private static final String AT_THE_DOOR = "Iemand loopt al een uur bij de achterdeuren te rammelen";
    private static final String MODELS = "/api/v1/routing/models";

    @jakarta.inject.Inject
    KnowledgeView view;
    @jakarta.inject.Inject
    ModelRepository repository;

    @BeforeEach
    void viewCaughtUp() {
        Awaitility.await().atMost(WAIT).until(view::isCaughtUp);
    }

    private static String operator() {
        return TestTokens.as("operator-models").roles(Roles.OPERATOR).sign();
    }

    private static JsonPath models() {
        return Api.withToken(operator()).get(MODELS).then().statusCode(200).extract().jsonPath();
    }

    private static Integer liveVersion() {
        List<Integer> live = models().getList("findAll { it.status == 'LIVE' }.version", Integer.class);
        return live.isEmpty() ? null : live.get(0);
    }

    private static JsonPath train() {
        return Api.withToken(operator()).contentType("application/json").body("{}").post(MODELS + "/train")
                .then().statusCode(200).extract().jsonPath();
    }

    private static ContactReceived contact(String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ContactReceived("c-model-" + UUID.randomUUID(), "GM0363", Channel.PHONE, now, now, null, text, "nl",
                new CitizenDetails(TestContacts.CITIZEN_REF, "J. de Vries", null, null), null, null, null, null, null,
                "test-adapter", null);
    }

    private static JsonNode routed(String contactId, int hop) throws Exception {
        ReadRecord r = TopicClient.await(Topics.CONTACTS_ROUTED,
                x -> contactId.equals(x.key()) && x.value().contains("\"hop\":" + hop), 1, WAIT).get(0);
        assertThat(EventSchemaValidator.instance().validate(ContactRouted.TYPE, r.value())).as(r.value()).isEmpty();
        return EventJson.mapper().readTree(r.value());
    }

    private static void settled(String contactId, String team, int hop, Instant at) {
        ContactHandled handled = new ContactHandled(contactId, team, Tier.CHAIN_TEAM, hop, Channel.PHONE,
                Outcome.ANSWERED, "agent-" + team, "gemeente", false, at);
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, contactId, TestContacts.json(handled),
                TopicClient.cloudEventHeaders(ContactHandled.TYPE, contactId));
    }

    private static void transferred(String contactId, String from, String to) {
        ContactTransferRequested t = new ContactTransferRequested(contactId, from, to, 0, "Niet voor ons team",
                "agent-" + from, Instant.now());
        TopicClient.send(Topics.CONTACTS_LIFECYCLE, contactId, TestContacts.json(t),
                TopicClient.cloudEventHeaders(ContactTransferRequested.TYPE, contactId));
    }

    private void awaitSettledOutcomes(List<String> contactIds) {
        Awaitility.await().atMost(WAIT).until(() -> repository.settledOutcomes(10_000).await().indefinitely()
                .stream().map(nl.loket.routing.domain.Outcome::contactId).toList().containsAll(contactIds));
    }

    @Test
    @Order(1)
    void aTransferCorrectedContactTeachesTheNextVersionAndEveryDecisionNamesItsModelVersion() throws Exception {
        // the first version comes from the knowledge alone, as soon as the view is ready
        Awaitility.await().atMost(WAIT).until(() -> liveVersion() != null);
        int first = liveVersion();

        ContactReceived door = contact(AT_THE_DOOR);
        TestContacts.send(door);
        JsonNode hop0 = routed(door.contactId(), 0);
        String firstTeam = hop0.get("teamId").asText();
        assertThat(firstTeam).isNotEqualTo("veiligheid");
        assertThat(hop0.get("modelVersion").asInt()).isEqualTo(first);
        assertThat(hop0.get("policyVersion").asInt()).isEqualTo(4);

        // that team hands it to veiligheid, who settles it: the outcome routing learns from
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);
        transferred(door.contactId(), firstTeam, "veiligheid");
        assertThat(routed(door.contactId(), 1).get("teamId").asText()).isEqualTo("veiligheid");
        settled(door.contactId(), "veiligheid", 1, earlier);
        // two more settled contacts, newer: the held-back slice (test profile: half of the outcomes, at least one)
        ContactReceived a = contact("Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.");
        ContactReceived b = contact("Er ligt al een week grofvuil naast de container bij mij voor de deur.");
        TestContacts.send(a);
        TestContacts.send(b);
        settled(a.contactId(), routed(a.contactId(), 0).get("teamId").asText(), 0, earlier.plusSeconds(60));
        settled(b.contactId(), routed(b.contactId(), 0).get("teamId").asText(), 0, earlier.plusSeconds(120));
        awaitSettledOutcomes(List.of(door.contactId(), a.contactId(), b.contactId()));

        JsonPath report = train();
        assertThat(report.getBoolean("promoted")).as(report.prettify()).isTrue();
        int second = report.getInt("version");
        assertThat(second).isGreaterThan(first);
        assertThat(report.getInt("outcomeExamples")).isGreaterThanOrEqualTo(1);
        assertThat(report.getInt("previousLiveVersion")).isEqualTo(first);
        Awaitility.await().atMost(WAIT).until(() -> Integer.valueOf(second).equals(liveVersion()));

        // the same text, a new contact: now the model places it with the corrected team, and says why in Dutch
        ContactReceived again = contact(AT_THE_DOOR);
        TestContacts.send(again);
        JsonNode now = routed(again.contactId(), 0);
        assertThat(now.get("teamId").asText()).isEqualTo("veiligheid");
        assertThat(now.get("rule").asText()).startsWith("text-model");
        assertThat(now.get("modelVersion").asInt()).isEqualTo(second);
        assertThat(now.get("reason").asText()).startsWith("Het tekstmodel (versie " + second + ") herkent dit als werk "
                + "voor Ketenteam Veiligheid");

        // a redelivery of the first contact is answered with its first decision, made with the first version
        TestContacts.send(door);
        List<ReadRecord> both = TopicClient.await(Topics.CONTACTS_ROUTED,
                x -> door.contactId().equals(x.key()) && x.value().contains("\"hop\":0"), 2, WAIT);
        assertThat(both).extracting(ReadRecord::value).containsOnly(both.get(0).value());
        assertThat(EventJson.mapper().readTree(both.get(1).value()).get("modelVersion").asInt()).isEqualTo(first);

        // the preview shows the signal, the model's view and the rules alone; ?model=none is the rules alone
        JsonPath preview = Api.asAgent().contentType("application/json").body("{\"text\":\"" + AT_THE_DOOR + "\"}")
                .post("/api/v1/routing/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("signal")).isEqualTo("MODEL");
        assertThat(preview.getString("model.teamId")).isEqualTo("veiligheid");
        assertThat(preview.getString("rulesOnly.teamId")).isEqualTo("kcc");
        JsonPath rulesAlone = Api.asAgent().contentType("application/json").body("{\"text\":\"" + AT_THE_DOOR + "\"}")
                .post("/api/v1/routing/preview?model=none").then().statusCode(200).extract().jsonPath();
        assertThat(rulesAlone.getString("teamId")).isEqualTo("kcc");
        assertThat(rulesAlone.getString("modelVersion")).isNull();
        Api.asAgent().contentType("application/json").body("{\"text\":\"x\"}")
                .post("/api/v1/routing/preview?model=999").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void aVersionThatRoutesTheHeldBackContactsWorseIsKeptNotLive() throws Exception {
        Integer live = liveVersion();
        assertThat(live).isNotNull();
        // older outcomes that mislead (door texts "settled" by belastingen after a transfer away from veiligheid),
        // newer ones that are right (settled by veiligheid): the new version learns the wrong lesson and is judged
        // on the newer ones
        Instant older = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ContactReceived wrong = contact(AT_THE_DOOR + " (" + (i + 1) + "e keer)");
            TestContacts.send(wrong);
            ids.add(wrong.contactId());
        }
        for (int i = 0; i < 4; i++) {
            String id = ids.get(i);
            routed(id, 0);
            transferred(id, "veiligheid", "belastingen");
            settled(id, "belastingen", 1, older.plusSeconds(i));
        }
        List<String> right = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ContactReceived ok = contact("Vanavond liep er weer iemand bij de achterdeuren te rammelen, " + (i + 2)
                    + "e keer");
            TestContacts.send(ok);
            right.add(ok.contactId());
        }
        for (int i = 0; i < 4; i++) {
            String id = right.get(i);
            routed(id, 0);
            settled(id, "veiligheid", 0, Instant.now());
        }
        List<String> all = new java.util.ArrayList<>(ids);
        all.addAll(right);
        awaitSettledOutcomes(all);

        JsonPath report = train();
        assertThat(report.getBoolean("promoted")).as(report.prettify()).isFalse();
        assertThat(report.getDouble("candidateAccuracy")).isLessThan(report.getDouble("liveAccuracy"));
        assertThat(liveVersion()).isEqualTo(live);
        int kept = report.getInt("version");
        assertThat(models().getString("find { it.version == " + kept + " }.status")).isEqualTo("KEPT");
    }

    @Test
    @Order(3)
    void onlyAnOperatorTrainsOrListsModels() {
        Api.asAgent().contentType("application/json").body("{}").post(MODELS + "/train").then().statusCode(403);
        Api.asAgent().get(MODELS).then().statusCode(403);
        io.restassured.RestAssured.given().get(MODELS).then().statusCode(401);
    }
}
