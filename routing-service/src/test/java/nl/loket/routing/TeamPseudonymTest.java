package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactAssigned;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.service.Pseudonyms;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Each team topic carries the team's own citizen reference, on the real broker: the same citizen routed to two teams
 * has two different references, each stable per team, neither the global one — on the first decision, a transfer
 * and a redelivery (events rebuilt from the stored fields).
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class TeamPseudonymTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOISE = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";
    private static final String WOZ = "Mijn WOZ-waarde is veel te hoog vastgesteld, de woning van de buren is groter "
            + "en heeft een lagere waarde.";

    @Inject
    KnowledgeView view;
    @Inject
    Pseudonyms pseudonyms;

    @BeforeEach
    void viewCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    private static ReadRecord assigned(String team, String contactId, int hop) {
        return TopicClient.await(Topics.teamContacts(team),
                r -> contactId.equals(r.key()) && r.value().contains("\"hop\":" + hop), 1, WAIT).get(0);
    }

    private static JsonNode json(ReadRecord r) {
        try {
            return EventJson.mapper().readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String citizenRef(ReadRecord r) {
        assertThat(EventSchemaValidator.instance().validate(ContactAssigned.TYPE, r.value())).as(r.value()).isEmpty();
        return json(r).get("citizen").get("citizenRef").asText();
    }

    @Test
    void theSameCitizenRoutedToTwoTeamsHasAStableReferencePerTeamAndNeverTheGlobalOne() {
        String global = TestContacts.newCitizenRef();
        ContactReceived first = TestContacts.contact(null, NOISE, global, null, Instant.now());
        ContactReceived followUp = TestContacts.contact(null, WOZ, global, first.contactId(), Instant.now());
        ContactReceived again = TestContacts.contact(null, NOISE, global, null, Instant.now());
        TestContacts.send(first);
        TestContacts.send(followUp);
        TestContacts.send(again);

        ReadRecord firstAtVeiligheid = assigned("veiligheid", first.contactId(), 0);
        ReadRecord againAtVeiligheid = assigned("veiligheid", again.contactId(), 0);
        ReadRecord followUpAtBelastingen = assigned("belastingen", followUp.contactId(), 0);

        String veiligheid = citizenRef(firstAtVeiligheid);
        String belastingen = citizenRef(followUpAtBelastingen);
        assertThat(citizenRef(againAtVeiligheid)).isEqualTo(veiligheid);
        assertThat(belastingen).isNotEqualTo(veiligheid).matches("^[0-9a-f]{64}$");
        assertThat(Set.of(veiligheid, belastingen)).doesNotContain(global);
        assertThat(veiligheid).isEqualTo(pseudonyms.teamRef("veiligheid", global));
        assertThat(belastingen).isEqualTo(pseudonyms.teamRef("belastingen", global));

        // contacts.routed names the contact followed up, and holds no citizen reference at all
        List<ReadRecord> routed = TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> Set.of(first.contactId(), followUp.contactId(), again.contactId()).contains(r.key()), 3, WAIT);
        routed.forEach(r -> {
            assertThat(EventSchemaValidator.instance().validate(ContactRouted.TYPE, r.value())).isEmpty();
            assertThat(r.value()).doesNotContain(global).doesNotContain(veiligheid).doesNotContain(belastingen);
        });
        JsonNode followUpRouted = json(routed.stream().filter(r -> r.key().equals(followUp.contactId())).findFirst()
                .orElseThrow());
        assertThat(followUpRouted.get("followUpOf").asText()).isEqualTo(first.contactId());
        assertThat(json(routed.stream().filter(r -> r.key().equals(first.contactId())).findFirst().orElseThrow())
                .has("followUpOf")).isFalse();
        for (ReadRecord r : List.of(firstAtVeiligheid, againAtVeiligheid, followUpAtBelastingen)) {
            assertThat(r.value()).doesNotContain(global);
        }
    }

    @Test
    void aTransferAndARedeliveryCarryTheTeamsOwnReferenceAndTheFollowUp() {
        String global = TestContacts.newCitizenRef();
        ContactReceived earlier = TestContacts.contact(null, WOZ, global, null, Instant.now());
        ContactReceived contact = TestContacts.contact(null, NOISE, global, earlier.contactId(), Instant.now());
        TestContacts.send(contact);
        String veiligheid = citizenRef(assigned("veiligheid", contact.contactId(), 0));

        TestContacts.transfer(contact.contactId(), "veiligheid", "juridische-zaken", 0, "Aansprakelijkstelling");
        String juridisch = citizenRef(assigned("juridische-zaken", contact.contactId(), 1));
        assertThat(juridisch).isNotEqualTo(veiligheid).isNotEqualTo(global)
                .isEqualTo(pseudonyms.teamRef("juridische-zaken", global));
        JsonNode hop1 = json(TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> contact.contactId().equals(r.key()) && r.value().contains("\"hop\":1"), 1, WAIT).get(0));
        assertThat(hop1.get("followUpOf").asText()).isEqualTo(earlier.contactId());

        // redelivery: hop 0 is rebuilt from the stored decision fields and contact, with the same ids
        TestContacts.send(contact);
        List<ReadRecord> atVeiligheid = TopicClient.await(Topics.teamContacts("veiligheid"),
                r -> contact.contactId().equals(r.key()), 2, WAIT);
        assertThat(atVeiligheid.stream().map(r -> r.header("ce_id")).collect(Collectors.toSet())).hasSize(1);
        assertThat(citizenRef(atVeiligheid.get(1))).isEqualTo(veiligheid);
        List<ReadRecord> hop0 = TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> contact.contactId().equals(r.key()) && r.value().contains("\"hop\":0"), 2, WAIT);
        assertThat(hop0).allSatisfy(r -> assertThat(json(r).get("followUpOf").asText())
                .isEqualTo(earlier.contactId()));
        assertThat(json(hop0.get(1))).isEqualTo(json(hop0.get(0)));
    }
}
