package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.routing.knowledge.KnowledgeView;
import nl.loket.routing.service.PersonalDataRetention;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * Retention (default 60 days): the personal fields of a contact received longer ago are erased from the stored contact
 * and from its transfers' stored events; a younger contact keeps them; the decisions stay as they were.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class PersonalDataRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOISE = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";
    private static final String TRANSFER_REASON = "Burger stelt de gemeente aansprakelijk voor zijn kapotte fiets";

    @Inject
    KnowledgeView view;
    @Inject
    PersonalDataRetention retention;
    @Inject
    Pool pool;

    @BeforeEach
    void viewCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    private static void awaitRouted(String contactId, int hop) {
        TopicClient.await(Topics.CONTACTS_ROUTED,
                r -> contactId.equals(r.key()) && r.value().contains("\"hop\":" + hop), 1, WAIT);
    }

    @Test
    void personalDataOfContactsPastTheRetentionIsErasedWhileYoungerContactsAndAllDecisionsStay() throws Throwable {
        String global = TestContacts.newCitizenRef();
        ContactReceived old = TestContacts.contact("Geluidsoverlast", NOISE, global, null,
                Instant.now().minus(Duration.ofDays(61)));
        ContactReceived young = TestContacts.contact("Geluidsoverlast", NOISE, global, null,
                Instant.now().minus(Duration.ofDays(59)));
        TestContacts.send(old);
        TestContacts.send(young);
        awaitRouted(old.contactId(), 0);
        awaitRouted(young.contactId(), 0);
        TestContacts.transfer(old.contactId(), "veiligheid", "juridische-zaken", 0, TRANSFER_REASON);
        awaitRouted(old.contactId(), 1);
        StoredContacts stored = new StoredContacts(pool);
        StoredContacts.Contact oldBefore = stored.contact(old.contactId());
        StoredContacts.Transfer transferBefore = stored.transfers(old.contactId()).get(0);
        assertThat(transferBefore.rawAssigned()).contains(NOISE).contains(TRANSFER_REASON).contains("J. de Vries");

        long erased = VertxContextSupport.subscribeAndAwait(() -> retention.eraseExpired());

        assertThat(erased).isPositive();
        StoredContacts.Contact oldAfter = stored.contact(old.contactId());
        assertThat(oldAfter.rawJson()).doesNotContain(NOISE).doesNotContain("Geluidsoverlast")
                .doesNotContain("J. de Vries").doesNotContain("j.devries@example.nl").doesNotContain("+31612345678")
                .doesNotContain(global);
        assertThat(oldAfter.json().has("text")).isFalse();
        assertThat(oldAfter.json().has("subject")).isFalse();
        assertThat(oldAfter.json().has("citizen")).isFalse();
        assertThat(oldAfter.json().get("contactId").asText()).isEqualTo(old.contactId());
        assertThat(oldAfter.json().get("municipality").asText()).isEqualTo("GM0363");
        assertThat(oldAfter.citizenRef()).isNull();
        assertThat(oldAfter.erasedAt()).isNotNull();
        // the decision and its facts stay
        assertThat(oldAfter.teamId()).isEqualTo(oldBefore.teamId()).isEqualTo("veiligheid");
        assertThat(oldAfter.reason()).isEqualTo(oldBefore.reason()).isNotBlank();
        assertThat(oldAfter.routedAt()).isEqualTo(oldBefore.routedAt());

        StoredContacts.Transfer transferAfter = stored.transfers(old.contactId()).get(0);
        assertThat(transferAfter.rawAssigned()).doesNotContain(NOISE).doesNotContain(TRANSFER_REASON)
                .doesNotContain("J. de Vries").doesNotContain("Geluidsoverlast");
        assertThat(transferAfter.assigned().get("teamId").asText()).isEqualTo("juridische-zaken");
        assertThat(transferAfter.assigned().get("hop").asInt()).isEqualTo(1);
        assertThat(transferAfter.assigned().get("previousTeamId").asText()).isEqualTo("veiligheid");
        assertThat(transferAfter.routedJson()).isEqualTo(transferBefore.routedJson());
        assertThat(transferAfter.reason()).isEqualTo(transferBefore.reason());
        assertThat(transferAfter.teamId()).isEqualTo("juridische-zaken");

        StoredContacts.Contact youngAfter = stored.contact(young.contactId());
        assertThat(youngAfter.json().get("text").asText()).isEqualTo(NOISE);
        assertThat(youngAfter.json().get("citizen").get("name").asText()).isEqualTo("J. de Vries");
        assertThat(youngAfter.citizenRef()).isEqualTo(global);
        assertThat(youngAfter.erasedAt()).isNull();

        // a second run finds nothing more to do for this contact
        VertxContextSupport.subscribeAndAwait(() -> retention.eraseExpired());
        assertThat(stored.contact(old.contactId()).erasedAt()).isEqualTo(oldAfter.erasedAt());
    }
}
