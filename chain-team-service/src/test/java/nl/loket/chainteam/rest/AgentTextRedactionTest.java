package nl.loket.chainteam.rest;

import static io.restassured.RestAssured.given;
import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.chainteam.Management;
import nl.loket.chainteam.StoredRows;
import nl.loket.chainteam.TestSupport;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactTransferRequested;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

/**
 * What an agent types — a transfer reason, call-back and completion notes, a resolution note — is stored and
 * published without a BSN or IBAN in it (each becomes a marker); phone numbers and e-mail addresses stay.
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class AgentTextRedactionTest {

    /** Passes the 11-proef. */
    private static final String BSN = "111222333";
    /** Passes mod-97, written in groups of four. */
    private static final String IBAN = "NL91 ABNA 0417 1643 00";
    private static final String TYPED = "BSN " + BSN + ", rekening " + IBAN + ", bel 06-12345678 of j.jansen@example.nl";
    private static final String STORED = "BSN [BSN verwijderd], rekening [IBAN verwijderd], bel 06-12345678 of "
            + "j.jansen@example.nl";

    @Inject
    AgroalDataSource db;

    private final String kcc = token("kcc-red", "gemeente", "kcc");

    @Test
    void aTransferReasonReachesNeitherTheDatabaseNorContactsLifecycleWithABsnOrIban() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));

        as(kcc).contentType(ContentType.JSON).body(Map.of("toTeamId", "omgeving", "reason", TYPED))
                .post("/api/v1/items/" + id + "/transfer").then().statusCode(202);

        ReadRecord published = TopicClient.await(Topics.CONTACTS_LIFECYCLE, r -> id.equals(r.key())
                && ContactTransferRequested.TYPE.equals(r.header(CloudEventHeaders.TYPE)), 1, TestSupport.WAIT).get(0);
        assertThat(EventSchemaValidator.instance().validate(ContactTransferRequested.TYPE, published.value())).isEmpty();
        assertThat(published.value()).contains(STORED).doesNotContain(BSN).doesNotContain("0417 1643");
        assertThat(as(kcc).get("/api/v1/items/" + id + "/history").jsonPath().getList("reason", String.class))
                .contains(STORED);
        assertNothingStoredInClear(id);
    }

    @Test
    void callbackNotesAndAResolutionNoteAreStoredWithoutABsnOrIban() {
        String id = newContactId();
        sendAndAwait(assigned(id, "kcc"));

        String cb = as(kcc).contentType(ContentType.JSON).body(Map.of("targetTeamId", "burgerzaken", "note", TYPED))
                .post("/api/v1/items/" + id + "/callbacks").then().statusCode(201)
                .body("note", org.hamcrest.Matchers.equalTo(STORED)).extract().path("callbackId");
        as(kcc).contentType(ContentType.JSON).body(Map.of("reached", true, "note", TYPED))
                .post("/api/v1/callbacks/" + cb + "/complete").then().statusCode(200)
                .body("completionNote", org.hamcrest.Matchers.equalTo(STORED));
        as(kcc).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "note", TYPED))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);

        assertThat(as(kcc).get("/api/v1/items/" + id + "/history").jsonPath().getList("note", String.class))
                .containsExactly(null, STORED, STORED, STORED);
        assertNothingStoredInClear(id);
        assertThat(TestSupport.lifecycleOf(id)).extracting(ReadRecord::value)
                .noneMatch(v -> v.contains(BSN) || v.contains("0417 1643"));
        String metrics = given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("loket_chain_team_redactions_total\\{kind=\"bsn\"[^}]*} [1-9]")
                .containsPattern("loket_chain_team_redactions_total\\{kind=\"iban\"[^}]*} [1-9]");
    }

    private void assertNothingStoredInClear(String contactId) {
        List<Map<String, Object>> rows = StoredRows.rows(db, "select w::text as line from work_item w "
                + "where contact_id = ? union all select e::text from work_item_event e where contact_id = ? "
                + "union all select c::text from callback c where contact_id = ? "
                + "union all select o.payload from outbox_event o where message_key = ?",
                contactId, contactId, contactId, contactId);
        assertThat(rows).isNotEmpty().extracting(r -> (String) r.get("line"))
                .allSatisfy(row -> assertThat(row).doesNotContain(BSN).doesNotContain("0417 1643"));
    }
}
