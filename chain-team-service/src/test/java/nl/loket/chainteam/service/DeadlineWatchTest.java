package nl.loket.chainteam.service;

import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.lifecycle;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.loket.chainteam.TestSupport;
import nl.loket.contracts.CloudEventHeaders;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.DeadlineApproaching;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** The deadline watch runs every second in tests. */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class DeadlineWatchTest {

    private static long count(String contactId, String type) {
        return TestSupport.lifecycleOf(contactId).stream().filter(r -> type.equals(r.header(CloudEventHeaders.TYPE)))
                .count();
    }

    @Test
    void overdueItemIsReportedBreachedOnce() throws Exception {
        String id = newContactId();
        Instant received = Instant.now().minus(Duration.ofDays(40));
        sendAndAwait(assigned(id, "juridische-zaken", Tier.BACK_OFFICE, 0, Channel.LETTER, received,
                new HandlingTerm(10, TermUnit.WORKING_DAYS), null));
        JsonNode breached = EventJson.mapper().readTree(lifecycle(id, DeadlineBreached.TYPE, 1).get(0).value());
        assertThat(breached.get("teamId").asText()).isEqualTo("juridische-zaken");
        String j = token("j", "gemeente", "juridische-zaken");
        assertThat(Instant.parse(breached.get("dueAt").asText()))
                .isEqualTo(Instant.parse(as(j).get("/api/v1/items/" + id).then().extract().path("dueAt")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(id, DeadlineBreached.TYPE) == 1);
        assertThat(count(id, DeadlineApproaching.TYPE)).isZero();
        List<String> actions = as(j).get("/api/v1/items/" + id + "/history").jsonPath().getList("action");
        assertThat(actions).containsOnlyOnce("DEADLINE_BREACHED");
        as(j).get("/api/v1/items/" + id).then().body("overdue", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void itemNearItsDueTimeIsReportedApproachingOnceAndNotBreached() throws Exception {
        String id = newContactId();
        // 30 calendar days, 29 of them gone: due tomorrow or the next working day, well within the last 20%
        Instant received = Instant.now().minus(Duration.ofDays(29));
        sendAndAwait(assigned(id, "openbare-ruimte", Tier.BACK_OFFICE, 0, Channel.WEB_FORM, received,
                new HandlingTerm(30, TermUnit.CALENDAR_DAYS), null));
        JsonNode approaching = EventJson.mapper().readTree(lifecycle(id, DeadlineApproaching.TYPE, 1).get(0).value());
        assertThat(Instant.parse(approaching.get("dueAt").asText())).isAfter(Instant.now());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(id, DeadlineApproaching.TYPE) == 1);
        assertThat(count(id, DeadlineBreached.TYPE)).isZero();
    }

    @Test
    void resolvedItemsAreNotWatched() {
        String id = newContactId();
        sendAndAwait(assigned(id, "burgerzaken", Tier.BACK_OFFICE, 0, Channel.EMAIL, Instant.now(),
                new HandlingTerm(0, TermUnit.WORKING_DAYS), null));
        String b = token("b", "gemeente", "burgerzaken");
        as(b).contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .post("/api/v1/items/" + id + "/resolve").then().statusCode(200);
        lifecycle(id, "nl.loket.contact.handled.v1", 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(id, DeadlineBreached.TYPE) == 0);
    }
}
