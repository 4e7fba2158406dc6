package nl.loket.chainteam.rest;

import static io.restassured.RestAssured.given;
import static nl.loket.chainteam.TestSupport.as;
import static nl.loket.chainteam.TestSupport.assigned;
import static nl.loket.chainteam.TestSupport.newContactId;
import static nl.loket.chainteam.TestSupport.sendAndAwait;
import static nl.loket.chainteam.TestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;
import nl.loket.kit.auth.Roles;
import nl.loket.testsupport.WithKafkaAndPostgres;
import nl.loket.testsupport.oidc.TestTokens;
import nl.loket.chainteam.Management;

/**
 * The roles table of chain-team-service (README "Who may do what"): every action × {no token, expired, wrong
 * issuer, wrong audience, tampered, signed by a stranger, forged} is 401 and × {a role other than the action's: agent
 * for the queues, operator for the privacy requests and the processing log} is 403 (both problem+json); an agent acts
 * only on the items and queues of the teams in the token (another team's item: 404, another team's queue: 403).
 */
@QuarkusTest
@WithKafkaAndPostgres(database = "chainteam")
class AuthorizationTest {

    private static final String PROBLEM = "application/problem+json";

    /** One action: method, path template ({id} = contact id, {cb} = call-back id), JSON body or null. */
    record Action(String name, String method, String path, Map<String, Object> body) {
        Response call(RequestSpecification spec, String contactId, String callbackId) {
            RequestSpecification s = body == null ? spec : spec.contentType(ContentType.JSON).body(body);
            return s.request(method, path.replace("{id}", contactId).replace("{cb}", callbackId));
        }
    }

    private static final List<Action> ITEM_ACTIONS = List.of(
            new Action("get", "GET", "/api/v1/items/{id}", null),
            new Action("history", "GET", "/api/v1/items/{id}/history", null),
            new Action("callbacks", "GET", "/api/v1/items/{id}/callbacks", null),
            new Action("claim", "POST", "/api/v1/items/{id}/claim", null),
            new Action("release", "POST", "/api/v1/items/{id}/release", null),
            new Action("resolve", "POST", "/api/v1/items/{id}/resolve", Map.of("outcome", "ANSWERED")),
            new Action("transfer", "POST", "/api/v1/items/{id}/transfer", Map.of("toTeamId", "omgeving", "reason", "r")),
            new Action("request call-back", "POST", "/api/v1/items/{id}/callbacks", Map.of("targetTeamId", "omgeving")),
            new Action("complete call-back", "POST", "/api/v1/callbacks/{cb}/complete", Map.of("reached", true)));

    private static final List<Action> TEAM_ACTIONS = List.of(
            new Action("queue", "GET", "/api/v1/teams/kcc/items", null),
            new Action("team summary", "GET", "/api/v1/teams/kcc/summary", null),
            new Action("team call-backs", "GET", "/api/v1/teams/kcc/callbacks", null));

    /** Data-subject requests and the processing log: operators only (for contacts other than the test's item). */
    private static final List<Action> OPERATOR_ACTIONS = List.of(
            new Action("inzage", "POST", "/api/v1/privacy/inzage", Map.of("contactIds", List.of("c-not-held"))),
            new Action("erasure", "POST", "/api/v1/privacy/erasure", Map.of("contactIds", List.of("c-not-held"))),
            new Action("processing log", "GET", "/api/v1/processing-log", null));

    private final String managementLiveness = Management.url("/q/health/live");

    private final String ownTeam = token("agent-a", "gemeente", "kcc");
    private final String otherTeam = token("partner-b", "partner-org", "omgeving");
    private String contactId;
    private String callbackId;

    @BeforeEach
    void anItemWithACallbackInKcc() {
        contactId = newContactId();
        sendAndAwait(assigned(contactId, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, Instant.now(), null, null));
        String helper = token("agent-h", "gemeente", "kcc");
        callbackId = as(helper).contentType(ContentType.JSON).body(Map.of("targetTeamId", "burgerzaken"))
                .post("/api/v1/items/" + contactId + "/callbacks").then().statusCode(201).extract().path("callbackId");
    }

    @Test
    void everyActionWithoutATokenIs401() {
        for (Action a : concat()) {
            Response r = a.call(given(), contactId, callbackId);
            assertThat(r.statusCode()).as(a.name()).isEqualTo(401);
            assertThat(r.contentType()).as(a.name()).startsWith(PROBLEM);
            assertThat(r.header("WWW-Authenticate")).as(a.name()).startsWith("Bearer");
        }
    }

    @Test
    void everyActionWithAnExpiredForeignMisaddressedTamperedOrStrangerSignedTokenIs401() {
        Map<String, String> invalid = new LinkedHashMap<>(TestTokens.spoiled(AuthorizationTest::kccAgent));
        invalid.put("with a forged signature", ownTeam.substring(0, ownTeam.lastIndexOf('.') + 1) + "AAAA");
        invalid.forEach((defect, token) -> {
            for (Action a : concat()) {
                Response r = a.call(as(token), contactId, callbackId);
                assertThat(r.statusCode()).as("%s, token %s", a.name(), defect).isEqualTo(401);
                assertThat(r.contentType()).as("%s, token %s", a.name(), defect).startsWith(PROBLEM);
                assertThat(r.header("WWW-Authenticate")).as("%s, token %s", a.name(), defect).startsWith("Bearer");
            }
        });
    }

    @Test
    void everyActionOfAKccMemberWithoutTheAgentRoleIs403() {
        for (String role : List.of(Roles.ADAPTER, Roles.EDITOR, Roles.METRICS_VIEWER, Roles.OPERATOR)) {
            String token = TestTokens.as("not-an-agent").roles(role).organisation("gemeente").teams("kcc")
                    .municipalities("0363").sign();
            for (Action a : agentActions()) {
                Response r = a.call(as(token), contactId, callbackId);
                assertThat(r.statusCode()).as("%s as %s", a.name(), role).isEqualTo(403);
                assertThat(r.contentType()).as("%s as %s", a.name(), role).startsWith(PROBLEM);
            }
        }
        String noRoles = TestTokens.as("no-roles").organisation("gemeente").teams("kcc").sign();
        for (Action a : agentActions()) {
            assertThat(a.call(as(noRoles), contactId, callbackId).statusCode()).as(a.name() + " without roles")
                    .isEqualTo(403);
        }
        // nothing changed
        as(ownTeam).get("/api/v1/items/" + contactId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CALLBACK_PENDING"));
    }

    @Test
    void everyOperatorActionWithoutTheOperatorRoleIs403() {
        for (String role : List.of(Roles.AGENT, Roles.ADAPTER, Roles.EDITOR, Roles.METRICS_VIEWER)) {
            String token = TestTokens.as("not-an-operator").roles(role).organisation("gemeente").teams("kcc")
                    .municipalities("0363").sign();
            for (Action a : OPERATOR_ACTIONS) {
                Response r = a.call(as(token), contactId, callbackId);
                assertThat(r.statusCode()).as("%s as %s", a.name(), role).isEqualTo(403);
                assertThat(r.contentType()).as("%s as %s", a.name(), role).startsWith(PROBLEM);
            }
        }
        String noRoles = TestTokens.as("no-roles").organisation("gemeente").sign();
        for (Action a : OPERATOR_ACTIONS) {
            assertThat(a.call(as(noRoles), contactId, callbackId).statusCode()).as(a.name() + " without roles")
                    .isEqualTo(403);
        }
    }

    @Test
    void operatorMayDoEveryOperatorAction() {
        String operator = TestTokens.as("op-a").roles(Roles.OPERATOR).organisation("gemeente").sign();
        for (Action a : OPERATOR_ACTIONS) {
            assertThat(a.call(as(operator), contactId, callbackId).statusCode()).as(a.name()).isEqualTo(200);
        }
    }

    @Test
    void healthIsServedOnTheManagementPortAndNotOnThePublicPort() {
        given().get(managementLiveness).then().statusCode(200);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void everyItemActionOnAnotherTeamsItemIs404() {
        for (Action a : ITEM_ACTIONS) {
            Response r = a.call(as(otherTeam), contactId, callbackId);
            assertThat(r.statusCode()).as(a.name()).isEqualTo(404);
            assertThat(r.contentType()).as(a.name()).startsWith(PROBLEM);
            assertThat(r.body().asString()).as(a.name()).doesNotContain("kcc");
        }
        // nothing changed
        as(ownTeam).get("/api/v1/items/" + contactId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CALLBACK_PENDING"));
    }

    @Test
    void everyTeamUrlOfAnotherTeamIs403() {
        for (Action a : TEAM_ACTIONS) {
            Response r = a.call(as(otherTeam), contactId, callbackId);
            assertThat(r.statusCode()).as(a.name()).isEqualTo(403);
            assertThat(r.contentType()).as(a.name()).startsWith(PROBLEM);
        }
    }

    @Test
    void ownTeamMayDoEveryAction() {
        for (Action a : TEAM_ACTIONS) {
            assertThat(a.call(as(ownTeam), contactId, callbackId).statusCode()).as(a.name()).isEqualTo(200);
        }
        for (String path : List.of("/api/v1/items/{id}", "/api/v1/items/{id}/history", "/api/v1/items/{id}/callbacks")) {
            assertThat(as(ownTeam).get(path.replace("{id}", contactId)).statusCode()).as(path).isEqualTo(200);
        }
        // the requesting team may complete its call-back; the item is OPEN again
        assertThat(ITEM_ACTIONS.get(8).call(as(ownTeam), contactId, callbackId).statusCode()).isEqualTo(200);
        assertThat(ITEM_ACTIONS.get(3).call(as(ownTeam), contactId, callbackId).statusCode()).as("claim").isEqualTo(200);
        assertThat(ITEM_ACTIONS.get(4).call(as(ownTeam), contactId, callbackId).statusCode()).as("release").isEqualTo(200);
        assertThat(ITEM_ACTIONS.get(7).call(as(ownTeam), contactId, callbackId).statusCode()).as("call-back").isEqualTo(201);
        String second = newContactId();
        sendAndAwait(assigned(second, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, Instant.now(), null, null));
        assertThat(ITEM_ACTIONS.get(6).call(as(ownTeam), second, callbackId).statusCode()).as("transfer").isEqualTo(202);
        String third = newContactId();
        sendAndAwait(assigned(third, "kcc", Tier.FIRST_LINE, 0, Channel.EMAIL, Instant.now(), null, null));
        assertThat(ITEM_ACTIONS.get(5).call(as(ownTeam), third, callbackId).statusCode()).as("resolve").isEqualTo(200);
    }

    @Test
    void targetTeamOfACallbackMayCompleteItButNotSeeTheItem() {
        String burgerzaken = token("bz-1", "gemeente", "burgerzaken");
        as(burgerzaken).get("/api/v1/items/" + contactId).then().statusCode(404);
        as(burgerzaken).contentType(ContentType.JSON).body(Map.of("reached", false))
                .post("/api/v1/callbacks/" + callbackId + "/complete").then().statusCode(200);
    }

    @Test
    void memberOfSeveralTeamsSeesEachOfThem() {
        String both = token("multi", "gemeente", "kcc", "omgeving");
        as(both).get("/api/v1/teams/kcc/items").then().statusCode(200);
        as(both).get("/api/v1/teams/omgeving/items").then().statusCode(200);
        as(both).get("/api/v1/items/" + contactId).then().statusCode(200);
        as(both).get("/api/v1/teams/belastingen/items").then().statusCode(403);
    }

    /** An agent of the KCC, as the builder, for the invalid variants. */
    private static TestTokens kccAgent() {
        return TestTokens.as("agent-a").roles(Roles.AGENT).organisation("gemeente").teams("kcc").municipalities("0363");
    }

    /** The agent's actions. */
    private static List<Action> agentActions() {
        return java.util.stream.Stream.concat(ITEM_ACTIONS.stream(), TEAM_ACTIONS.stream()).toList();
    }

    /** Every action of every role. */
    private static List<Action> concat() {
        return java.util.stream.Stream.of(ITEM_ACTIONS, TEAM_ACTIONS, OPERATOR_ACTIONS).flatMap(List::stream).toList();
    }
}
