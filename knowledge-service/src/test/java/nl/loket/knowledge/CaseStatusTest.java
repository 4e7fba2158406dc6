package nl.loket.knowledge;

import static nl.loket.knowledge.Api.asAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "knowledge")
class CaseStatusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String event(String reference, String status, String changedAt) {
        return "{\"caseReference\":\"" + reference + "\",\"municipality\":\"0796\","
                + "\"productUri\":\"http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_kap\","
                + "\"teamId\":\"omgeving\",\"status\":\"" + status + "\",\"statusText\":\"Uw aanvraag is " + status + "\","
                + "\"expectedDecisionDate\":\"2026-12-20\",\"changedAt\":\"" + changedAt + "\"}";
    }

    @Test
    void statusReportedOnTheTopicIsServed() {
        TopicClient.send(Topics.CASES_STATUS, "Z-2026-0001", event("Z-2026-0001", "in behandeling", "2026-11-20T10:00:00Z"),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, "Z-2026-0001"));
        await().atMost(WAIT).untilAsserted(() -> asAgent().get("/api/v1/cases/Z-2026-0001").then().statusCode(200)
                .body("status", equalTo("in behandeling"))
                .body("expectedDecisionDate", equalTo("2026-12-20"))
                .body("teamId", equalTo("omgeving")));
    }

    @Test
    void repeatedEventIsAppliedOnceAndAnOlderReportNeverOverwritesANewerOne() {
        String ref = "Z-2026-0002";
        Map<String, String> headers = TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, ref);
        TopicClient.send(Topics.CASES_STATUS, ref, event(ref, "besluit genomen", "2026-11-25T10:00:00Z"), headers);
        await().atMost(WAIT).untilAsserted(() -> asAgent().get("/api/v1/cases/" + ref).then().statusCode(200)
                .body("status", equalTo("besluit genomen")));
        // an older report with a new id, then the same id again with other content: both are ignored
        TopicClient.send(Topics.CASES_STATUS, ref, event(ref, "ontvangen", "2026-11-01T10:00:00Z"),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, ref));
        Map<String, String> repeat = new HashMap<>(headers);
        TopicClient.send(Topics.CASES_STATUS, ref, event(ref, "herhaald", "2026-11-30T10:00:00Z"), repeat);
        // a marker after them on the same partition (same key) proves they were consumed
        String later = "Z-2026-0002";
        TopicClient.send(Topics.CASES_STATUS, later, event(later, "afgerond", "2026-11-26T10:00:00Z"),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, later));
        await().atMost(WAIT).untilAsserted(() -> asAgent().get("/api/v1/cases/" + ref).then().statusCode(200)
                .body("status", equalTo("afgerond")));
        // an older report after it, then an invalid record on the same key (same partition): once the invalid one
        // reached the dead-letter topic, the older one has been consumed — and must not have overwritten the newer
        TopicClient.send(Topics.CASES_STATUS, ref, event(ref, "te oud", "2026-11-20T10:00:00Z"),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, ref));
        TopicClient.send(Topics.CASES_STATUS, ref, "{\"marker\":true}", TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, ref));
        TopicClient.await(Topics.deadLetter(Topics.CASES_STATUS), r -> ref.equals(r.key()), 1, WAIT);
        asAgent().get("/api/v1/cases/" + ref).then().statusCode(200).body("status", equalTo("afgerond"));
    }

    @Test
    void invalidRecordGoesToTheDeadLetterTopicWithItsReason() {
        String ref = "Z-2026-0003";
        TopicClient.send(Topics.CASES_STATUS, ref, "{\"caseReference\":\"" + ref + "\"}",
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, ref));
        TopicClient.send(Topics.CASES_STATUS, ref, "not json",
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, ref));
        var dead = TopicClient.await(Topics.deadLetter(Topics.CASES_STATUS), r -> ref.equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(ReadRecord::value).containsExactly("{\"caseReference\":\"" + ref + "\"}", "not json");
        assertThat(dead.get(0).header("dead-letter-reason")).contains("invalid");
        assertThat(dead.get(1).header("dead-letter-reason")).contains("not JSON");
        asAgent().get("/api/v1/cases/" + ref).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aReportDatedInTheFutureOrNamingAnUnknownTeamIsDeadLetteredWithItsReasonAndNotApplied() {
        String future = "Z-2026-0004";
        String unknownTeam = "Z-2026-0005";
        TopicClient.send(Topics.CASES_STATUS, future, event(future, "ontvangen", "2099-01-01T00:00:00Z"),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, future));
        TopicClient.send(Topics.CASES_STATUS, unknownTeam, event(unknownTeam, "ontvangen", "2026-11-20T10:00:00Z")
                .replace("\"teamId\":\"omgeving\"", "\"teamId\":\"onbekend-team\""),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, unknownTeam));

        var dead = TopicClient.await(Topics.deadLetter(Topics.CASES_STATUS),
                r -> future.equals(r.key()) || unknownTeam.equals(r.key()), 2, WAIT);

        assertThat(dead).filteredOn(r -> future.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.header("dead-letter-reason")).contains("lies in the future"));
        assertThat(dead).filteredOn(r -> unknownTeam.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.header("dead-letter-reason")).isEqualTo("unknown team onbekend-team"));
        asAgent().get("/api/v1/cases/" + future).then().statusCode(404);
        asAgent().get("/api/v1/cases/" + unknownTeam).then().statusCode(404);
    }

    @Test
    void unknownCaseIsNotFound() {
        asAgent().get("/api/v1/cases/Z-bestaat-niet").then().statusCode(404).contentType("application/problem+json");
    }
}
