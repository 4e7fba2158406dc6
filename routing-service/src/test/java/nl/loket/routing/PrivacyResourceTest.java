package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.kit.auth.Roles;
import nl.loket.kit.privacy.Redactor;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;

/**
 * Data-subject requests by the citizen's global reference (operator): inzage lists every contact of the citizen with
 * its decisions and each team's reference; erasure erases the personal fields once (idempotent); both are in the
 * processing log with the request id; a transfer of an erased contact is still routed, without personal data.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class PrivacyResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOISE = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";
    private static final String WOZ = "Mijn WOZ-waarde is veel te hoog vastgesteld, de woning van de buren is groter "
            + "en heeft een lagere waarde.";
    private static final String TRANSFER_REASON = "Burger stelt de gemeente aansprakelijk voor gehoorschade";
    private static final String INZAGE = "/api/v1/privacy/inzage";
    private static final String ERASURE = "/api/v1/privacy/erasure";
    private static final String LOG = "/api/v1/processing-log";

    @Inject
    KnowledgeView view;
    @Inject
    Pool pool;

    @BeforeEach
    void viewCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    /** One citizen's contacts: noise (then transferred to juridische-zaken) and a WOZ objection following it up. */
    private record Citizen(String ref, ContactReceived noise, ContactReceived woz, ContactReceived stranger,
            ReadRecord noiseAtVeiligheid, ReadRecord noiseAtJuridisch, ReadRecord wozAtBelastingen) {
    }

    private static Citizen citizenWithTwoContactsAndATransfer() {
        String ref = TestContacts.newCitizenRef();
        ContactReceived noise = TestContacts.contact("Geluidsoverlast", NOISE, ref, null, Instant.now());
        ContactReceived woz = TestContacts.contact(null, WOZ, ref, noise.contactId(), Instant.now());
        ContactReceived stranger = TestContacts.contact(null, NOISE, TestContacts.newCitizenRef(), null, Instant.now());
        TestContacts.send(noise);
        TestContacts.send(woz);
        TestContacts.send(stranger);
        ReadRecord atVeiligheid = assigned("veiligheid", noise.contactId(), 0);
        ReadRecord atBelastingen = assigned("belastingen", woz.contactId(), 0);
        assigned("veiligheid", stranger.contactId(), 0);
        TestContacts.transfer(noise.contactId(), "veiligheid", "juridische-zaken", 0, TRANSFER_REASON);
        ReadRecord atJuridisch = assigned("juridische-zaken", noise.contactId(), 1);
        return new Citizen(ref, noise, woz, stranger, atVeiligheid, atJuridisch, atBelastingen);
    }

    private static ReadRecord assigned(String team, String contactId, int hop) {
        return TopicClient.await(Topics.teamContacts(team),
                r -> contactId.equals(r.key()) && r.value().contains("\"hop\":" + hop), 1, WAIT).get(0);
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String teamRef(ReadRecord assigned) {
        return json(assigned.value()).get("citizen").get("citizenRef").asText();
    }

    private static JsonPath post(String path, String operator, String requestId, String citizenRef) {
        return Api.withToken(TestTokens.as(operator).roles(Roles.OPERATOR).sign())
                .header("X-Loket-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("citizenRef", citizenRef)).post(path)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static JsonPath processingLog(String query) {
        return Api.withToken(TestTokens.as("privacy-officer").roles(Roles.OPERATOR).sign()).get(LOG + "?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void inzageListsEveryContactOfTheCitizenWithItsDecisionsAndTeamReferencesAndIsLogged() {
        Citizen c = citizenWithTwoContactsAndATransfer();
        String requestId = "req-" + UUID.randomUUID();

        JsonPath inzage = post(INZAGE, "operator-inzage", requestId, c.ref());

        assertThat(inzage.getString("service")).isEqualTo("routing-service");
        assertThat(inzage.getList("contacts.contactId")).containsExactlyInAnyOrder(c.noise().contactId(),
                c.woz().contactId());
        String noise = "contacts.find { it.contactId == '" + c.noise().contactId() + "' }";
        assertThat(inzage.getString(noise + ".text")).isEqualTo(NOISE);
        assertThat(inzage.getString(noise + ".subject")).isEqualTo("Geluidsoverlast");
        assertThat(inzage.getString(noise + ".municipality")).isEqualTo("GM0363");
        assertThat(inzage.getString(noise + ".channel")).isEqualTo("WEB_FORM");
        assertThat(inzage.getString(noise + ".receivedAt")).isNotBlank();
        assertThat(inzage.getString(noise + ".citizen.name")).isEqualTo("J. de Vries");
        assertThat(inzage.getString(noise + ".citizen.email")).isEqualTo("j.devries@example.nl");
        assertThat(inzage.getString(noise + ".citizen.phone")).isEqualTo("+31612345678");
        assertThat(inzage.getList(noise + ".decisions.hop", Integer.class)).containsExactly(0, 1);
        assertThat(inzage.getList(noise + ".decisions.teamId")).containsExactly("veiligheid", "juridische-zaken");
        assertThat(inzage.getList(noise + ".decisions.reason", String.class)).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(inzage.getList(noise + ".decisions.routedAt", String.class)).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(inzage.getString(noise + ".decisions[1].previousTeamId")).isEqualTo("veiligheid");
        assertThat(inzage.getString(noise + ".decisions[1].transferReason")).isEqualTo(TRANSFER_REASON);
        // each team's reference, as that team received it on its topic
        assertThat(inzage.getMap(noise + ".teams.collectEntries { [it.teamId, it.citizenRef] }"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("veiligheid", teamRef(c.noiseAtVeiligheid()),
                        "juridische-zaken", teamRef(c.noiseAtJuridisch())));
        String woz = "contacts.find { it.contactId == '" + c.woz().contactId() + "' }";
        assertThat(inzage.getString(woz + ".followUpOf")).isEqualTo(c.noise().contactId());
        assertThat(inzage.getList(woz + ".teams.citizenRef")).containsExactly(teamRef(c.wozAtBelastingen()));

        for (ContactReceived contact : List.of(c.noise(), c.woz())) {
            JsonPath log = processingLog("contactId=" + contact.contactId());
            assertThat(log.getList("purpose")).containsExactly("SUBJECT_ACCESS");
            assertThat(log.getString("[0].requestId")).isEqualTo(requestId);
            assertThat(log.getString("[0].actor")).isEqualTo("operator-inzage");
            assertThat(log.getString("[0].endpoint")).isEqualTo("POST /api/v1/privacy/inzage");
        }
        assertThat(processingLog("contactId=" + c.stranger().contactId()).getList("$")).isEmpty();
    }

    @Test
    void erasureErasesThePersonalFieldsOfEveryContactOfTheCitizenOnceAndIsLogged() {
        Citizen c = citizenWithTwoContactsAndATransfer();
        String operator = "operator-" + UUID.randomUUID();
        StoredContacts stored = new StoredContacts(pool);
        StoredContacts.Contact noiseBefore = stored.contact(c.noise().contactId());

        JsonPath erasure = post(ERASURE, operator, "req-1", c.ref());

        assertThat(erasure.getString("service")).isEqualTo("routing-service");
        assertThat(erasure.getList("erased")).containsExactlyInAnyOrder(c.noise().contactId(), c.woz().contactId());
        for (ContactReceived contact : List.of(c.noise(), c.woz())) {
            StoredContacts.Contact after = stored.contact(contact.contactId());
            assertThat(after.rawJson()).doesNotContain(contact.text()).doesNotContain("J. de Vries")
                    .doesNotContain("j.devries@example.nl").doesNotContain("+31612345678").doesNotContain(c.ref());
            assertThat(after.citizenRef()).isNull();
            assertThat(after.erasedAt()).isNotNull();
            assertThat(after.teamId()).isNotBlank();
        }
        StoredContacts.Contact noiseAfter = stored.contact(c.noise().contactId());
        assertThat(noiseAfter.rawJson()).doesNotContain("Geluidsoverlast");
        assertThat(noiseAfter.reason()).isEqualTo(noiseBefore.reason());
        StoredContacts.Transfer transfer = stored.transfers(c.noise().contactId()).get(0);
        assertThat(transfer.rawAssigned()).doesNotContain(NOISE).doesNotContain(TRANSFER_REASON)
                .doesNotContain("J. de Vries");
        assertThat(transfer.teamId()).isEqualTo("juridische-zaken");
        // another citizen's contact keeps its data
        assertThat(stored.contact(c.stranger().contactId()).json().get("text").asText()).isEqualTo(NOISE);

        // idempotent: nothing more to erase, and nothing left to see
        assertThat(post(ERASURE, operator, "req-2", c.ref()).getList("erased")).isEmpty();
        assertThat(post(INZAGE, operator, "req-3", c.ref()).getList("contacts")).isEmpty();

        JsonPath erasures = processingLog("actor=" + operator + "&purpose=SUBJECT_ERASURE");
        assertThat(erasures.getList("contactId")).containsExactlyInAnyOrder(c.noise().contactId(),
                c.woz().contactId(), null);
        assertThat(erasures.getList("requestId")).containsExactlyInAnyOrder("req-1", "req-1", "req-2");
        assertThat(processingLog("actor=" + operator + "&purpose=SUBJECT_ACCESS").getList("requestId"))
                .containsExactly("req-3");
    }

    @Test
    void aTransferOfAnErasedContactIsStillRoutedWithoutPersonalData() {
        Citizen c = citizenWithTwoContactsAndATransfer();
        post(ERASURE, "operator-transfer", "req-t", c.ref());

        // from juridische-zaken without a target: routed again by the engine, on a contact without text
        TestContacts.transfer(c.noise().contactId(), "juridische-zaken", null, 1, "Toch niet voor ons");

        ReadRecord routed = TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> c.noise().contactId().equals(r.key()) && r.value().contains("\"hop\":2"), 1, WAIT).get(0);
        assertThat(EventSchemaValidator.instance().validate(ContactRouted.TYPE, routed.value())).isEmpty();
        String team = json(routed.value()).get("teamId").asText();
        assertThat(team).isNotEqualTo("juridische-zaken");
        ReadRecord assigned = assigned(team, c.noise().contactId(), 2);
        JsonNode event = json(assigned.value());
        assertThat(event.get("text").asText()).isEqualTo(Redactor.ERASED_MARKER);
        assertThat(event.has("subject")).isFalse();
        assertThat(event.has("citizen")).isFalse();
        assertThat(event.get("previousTeamId").asText()).isEqualTo("juridische-zaken");
        assertThat(event.get("transferReason").asText()).isEqualTo("Toch niet voor ons");
        assertThat(assigned.value()).doesNotContain(NOISE).doesNotContain("J. de Vries");
        // the new team gets the reason; routing does not keep it for a contact it will not erase again
        assertThat(new StoredContacts(pool).transfers(c.noise().contactId())).filteredOn(t -> t.hop() == 2)
                .singleElement().satisfies(t -> assertThat(t.rawAssigned()).doesNotContain("Toch niet voor ons"));
        // ContactAssigned.schema.json requires a text: the erasure marker keeps the event valid for every consumer
        assertThat(EventSchemaValidator.instance().validate(ContactAssigned.TYPE, assigned.value())).isEmpty();
    }

    @Test
    void anInvalidCitizenReferenceIs400WithoutEchoingIt() {
        Api.withToken(TestTokens.as("operator-400").roles(Roles.OPERATOR).sign()).contentType(ContentType.JSON)
                .body(Map.of("citizenRef", "111222333")).post(INZAGE)
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("111222333")));
        Api.withToken(TestTokens.as("operator-400").roles(Roles.OPERATOR).sign()).contentType(ContentType.JSON)
                .body("{}").post(ERASURE).then().statusCode(400);
    }
}
