package nl.loket.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.workspace.FakeServices;
import nl.loket.workspace.Fixtures;
import nl.loket.workspace.WithFakeServices;

/** A team's queue and call-backs with today's deadline states; the profile; the team lead view. */
@QuarkusTest
@WithFakeServices
class QueueTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    String agent = TestTokens.agent("agent-a", "kcc");

    @BeforeEach
    void fixtures() {
        FakeServices.reset();
    }

    @Test
    void everyItemCarriesItsDeadlineStateOfToday() {
        Instant now = Instant.now();
        Instant endOfToday = LocalDate.now(AMSTERDAM).plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
        Assumptions.assumeTrue(Duration.between(now, endOfToday).toMinutes() > 2, "not in the day's last minutes");
        Instant laterToday = now.plus(Duration.between(now, endOfToday).dividedBy(2));
        FakeServices.answer("GET", "/api/v1/teams/kcc/items", 200, Fixtures.page(
                Fixtures.workItem("c-overdue", "kcc", "OPEN", now.minusSeconds(600), null),
                Fixtures.workItem("c-today", "kcc", "CLAIMED", laterToday, null),
                Fixtures.workItem("c-later", "kcc", "OPEN", now.plus(Duration.ofDays(3)), null),
                Fixtures.workItem("c-none", "kcc", "OPEN", null, null),
                Fixtures.workItem("c-settled", "kcc", "RESOLVED", now.minusSeconds(600), null)));

        given().auth().oauth2(agent).get("/api/teams/kcc/items").then().statusCode(200)
                .body("items.contactId", contains("c-overdue", "c-today", "c-later", "c-none", "c-settled"))
                .body("items.deadline", contains("OVERDUE", "DUE_TODAY", "LATER", "NONE", "NONE"))
                .body("items[0].citizen.name", equalTo("Jan Jansen"))
                .body("items[0].citizen.citizenRef", equalTo(null))
                .body("items[0].confidence", equalTo(0.92f))
                .body("total", equalTo(5));
    }

    @Test
    void theFiltersArePassedOnAndMineAsksForTheCallersOwnItems() {
        FakeServices.answer("GET", "/api/v1/teams/kcc/items", 200, Fixtures.page());

        given().auth().oauth2(agent).queryParam("mine", "true").queryParam("channel", "PHONE")
                .queryParam("status", "OPEN,CLAIMED").queryParam("page", 1).queryParam("size", 10)
                .get("/api/teams/kcc/items").then().statusCode(200).body("items", empty());

        assertThat(FakeServices.received("GET", "/api/v1/teams/kcc/items")).singleElement()
                .satisfies(r -> assertThat(r.query()).contains("mine=true", "channel=PHONE", "status=OPEN%2CCLAIMED",
                        "page=1", "size=10"));
    }

    @Test
    void callBacksCarryWhetherTheyAreDue() {
        Instant now = Instant.now();
        FakeServices.answer("GET", "/api/v1/teams/kcc/callbacks", 200, "[" + String.join(",",
                Fixtures.callback("cb-1", "c-1", now.minusSeconds(60), "OPEN"),
                Fixtures.callback("cb-2", "c-2", now.plus(Duration.ofDays(2)), "OPEN")) + "]");

        given().auth().oauth2(agent).queryParam("status", "OPEN").get("/api/teams/kcc/callbacks").then()
                .statusCode(200).body("callbackId", contains("cb-1", "cb-2")).body("due", contains("OVERDUE", "LATER"));
    }

    @Test
    void theProfileNamesTheTeamsAndSaysAKccAgentMayRegister() {
        given().auth().oauth2(agent).get("/api/me").then().statusCode(200)
                .body("username", equalTo("agent-a"))
                .body("teams", hasSize(1))
                .body("teams[0].name", equalTo("Klant Contact Centrum"))
                .body("teams[0].tier", equalTo("FIRST_LINE"))
                .body("municipalities", contains("GM0363"))
                .body("canRegister", equalTo(true))
                .body("teamLead", equalTo(false));

        given().auth().oauth2(TestTokens.agent("agent-b", "belastingen")).get("/api/me").then().statusCode(200)
                .body("canRegister", equalTo(false));
    }

    @Test
    void theTeamListComesFromTheKnowledgeBase() {
        given().auth().oauth2(agent).get("/api/teams").then().statusCode(200)
                .body("id", contains("kcc", "belastingen", "omgeving"));
    }

    @Test
    void theTeamLeadSeesTheQueuesAndTodaysDirectHandlingOfTheirMunicipalities() {
        FakeServices.answer("GET", "/api/v1/teams/kcc/summary", 200, Fixtures.summary("kcc", 12, "v1"));
        FakeServices.answer("GET", "/api/v1/metrics/summary", 200, """
                {"received":40,"firstContacts":30,"directHandling":{"directlyHandled":24,"firstContacts":30,
                 "share":0.8,"target":0.8,"gap":0.0}}""");
        String lead = TestTokens.as("lead-a").roles("agent", "metrics-viewer").teams("kcc")
                .municipalities("GM0363").sign();

        given().auth().oauth2(lead).get("/api/lead").then().statusCode(200)
                .body("teams[0].teamId", equalTo("kcc"))
                .body("teams[0].name", equalTo("Klant Contact Centrum"))
                .body("teams[0].open", equalTo(12))
                .body("teams[0].callbacksDue", equalTo(1))
                .body("municipalities[0].municipality", equalTo("GM0363"))
                .body("municipalities[0].directlyHandled", equalTo(24))
                .body("municipalities[0].directShare", equalTo(0.8f))
                .body("dashboardUrl", equalTo("http://localhost:8085/"));

        String today = LocalDate.now(AMSTERDAM).toString();
        assertThat(FakeServices.received("GET", "/api/v1/metrics/summary")).singleElement()
                .satisfies(r -> {
                    assertThat(r.query()).contains("municipality=GM0363", "from=" + today, "to=" + today);
                    assertThat(r.authorization()).isEqualTo("Bearer " + lead);
                });
    }

    @Test
    void anAgentWhoIsNoMetricsViewerGetsNoMunicipalityFigures() {
        FakeServices.answer("GET", "/api/v1/teams/kcc/summary", 200, Fixtures.summary("kcc", 3, "v1"));

        given().auth().oauth2(agent).get("/api/lead").then().statusCode(200)
                .body("teams[0].open", equalTo(3)).body("municipalities", empty());
        assertThat(FakeServices.received("GET", "/api/v1/metrics/summary")).isEmpty();
    }
}
