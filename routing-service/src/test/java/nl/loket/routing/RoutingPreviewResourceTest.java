package nl.loket.routing;

import static nl.loket.routing.Api.asAgent;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.CaseStatusChanged;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TermUnit;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** The rules of the default policy, the other policies and the policy map, through the preview endpoint. */
@QuarkusTest
@WithKafkaAndPostgres(database = "routing")
@QuarkusTestResource(KnowledgeTopicsResource.class)
class RoutingPreviewResourceTest {

    private static final String PREVIEW = "/api/v1/routing/preview";

    /** The management interface's root {@code …/q/} (the value is relative to its root path); not the public port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @jakarta.inject.Inject
    nl.loket.routing.knowledge.KnowledgeView view;

    /** No decision (and no preview) before the knowledge view has caught up. */
    @org.junit.jupiter.api.BeforeEach
    void viewCaughtUp() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(view::isCaughtUp);
    }

    private static Map<String, Object> body(String text) {
        return Map.of("municipality", "GM0363", "channel", "WEB_FORM", "text", text, "language", "nl");
    }

    @Test
    void explicitProductChoiceWins() {
        Map<String, Object> body = new java.util.HashMap<>(body("Ik heb een vraag, kunt u mij bellen?"));
        body.put("productCode", "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_kap");
        asAgent().contentType(ContentType.JSON).body(body).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("omgeving")).body("rule", equalTo("explicit-signal"))
                .body("tier", equalTo("CHAIN_TEAM")).body("productName", equalTo("omgevingsvergunning kap"))
                .body("reason", equalTo("De burger koos zelf 'omgevingsvergunning kap' in het webformulier; "
                        + "Ketenteam Omgeving handelt dit af."));
    }

    @Test
    void theReasonIsDutchUnlessTheCallerPrefersEnglish() {
        Map<String, Object> body = new java.util.HashMap<>(body("Goedemiddag, ik heb een vraag."));
        body.put("channel", "PHONE");
        body.put("ivrChoice", "belastingen");
        String dutch = "De burger koos zelf 'Ketenteam Belastingen' in het telefoonmenu; Ketenteam Belastingen handelt "
                + "dit af.";
        String english = "The citizen chose 'Ketenteam Belastingen' in the phone menu; Ketenteam Belastingen handles it.";
        asAgent().contentType(ContentType.JSON).body(body).post(PREVIEW).then().statusCode(200)
                .header("Content-Language", "nl").body("reason", equalTo(dutch));
        for (String accept : List.of("nl", "nl-NL", "nl, en;q=0.8", "fr, nl;q=0.9, en;q=0.5", "*", "de")) {
            asAgent().header("Accept-Language", accept).contentType(ContentType.JSON).body(body).post(PREVIEW).then()
                    .statusCode(200).body("reason", equalTo(dutch));
        }
        for (String accept : List.of("en", "en-GB", "en-US, en;q=0.9, nl;q=0.5", "nl;q=0.3, en")) {
            asAgent().header("Accept-Language", accept).contentType(ContentType.JSON).body(body).post(PREVIEW).then()
                    .statusCode(200).header("Content-Language", "en")
                    // one decision, two languages: only the sentence differs
                    .body("teamId", equalTo("belastingen")).body("rule", equalTo("explicit-signal"))
                    .body("confidence", equalTo(1.0f)).body("reason", equalTo(english));
        }
    }

    @Test
    void phoneMenuChoiceOfATeamWins() {
        Map<String, Object> body = new java.util.HashMap<>(body("Goedemiddag, ik heb een vraag."));
        body.put("channel", "PHONE");
        body.put("ivrChoice", "belastingen");
        asAgent().contentType(ContentType.JSON).body(body).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("belastingen")).body("rule", equalTo("explicit-signal"));
    }

    @Test
    void deskTopicNamingACategoryWins() {
        Map<String, Object> body = new java.util.HashMap<>(body("Ik kom iets melden."));
        body.put("channel", "COUNTER");
        body.put("deskTopic", "Parkeeroverlast");
        asAgent().contentType(ContentType.JSON).body(body).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("veiligheid")).body("rule", equalTo("explicit-signal"));
    }

    @Test
    void genericInformationQuestionGoesToFirstLineEvenForPermits() {
        asAgent().contentType(ContentType.JSON).body(body("Hoe vraag ik een kapvergunning aan en wat kost dat?"))
                .post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("kcc")).body("tier", equalTo("FIRST_LINE"))
                .body("rule", equalTo("information-question"))
                .body("reason", startsWith("De burger stelt een algemene informatievraag"))
                .body("policyName", equalTo("chain-specialised-kcc")).body("policyVersion", equalTo(4));
    }

    @Test
    void ownApplicationGoesToTheTeamThatHandlesTheProduct() {
        Map<String, Object> own = body("Wij willen de boom in onze achtertuin kappen omdat de wortels de fundering "
                + "beschadigen. Wij willen hiervoor een vergunning aanvragen.");
        // the rules alone (?model=none): the own-case rule and the product; the text model agrees on the team
        asAgent().contentType(ContentType.JSON).queryParam("model", "none").body(own)
                .post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("omgeving")).body("rule", equalTo("own-case"))
                .body("productUri", notNullValue()).body("confidence", notNullValue());
        asAgent().contentType(ContentType.JSON).body(own).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("omgeving"));
    }

    @Test
    void reportAboutPublicSpaceGoesToTheBackOffice() {
        asAgent().contentType(ContentType.JSON)
                .body(body("De lantaarnpaal voor mijn huis op nummer 14 brandt al twee weken niet."))
                .post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("openbare-ruimte")).body("tier", equalTo("BACK_OFFICE"));
    }

    @Test
    void questionAboutAKnownCaseGoesToFirstLineAndAnUnknownCaseToItsTeam() {
        CaseStatusChanged status = new CaseStatusChanged("OV-2026-00042", "GM0363",
                "http://standaarden.overheid.nl/owms/terms/omgevingsvergunning_bouw", "omgeving", "IN_BEHANDELING",
                "Advies van de welstandscommissie gevraagd", LocalDate.now().plusWeeks(3), Instant.now());
        TopicClient.send(Topics.CASES_STATUS, status.caseReference(), TestContacts.json(status),
                TopicClient.cloudEventHeaders(CaseStatusChanged.TYPE, status.caseReference()));
        String text = "Ik heb drie maanden geleden een omgevingsvergunning aangevraagd voor een uitbouw en nog niets gehoord.";

        Map<String, Object> known = new java.util.HashMap<>(body(text));
        known.put("caseReference", "OV-2026-00042");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAgent().contentType(ContentType.JSON).body(known)
                .post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("kcc")).body("rule", equalTo("known-case-status"))
                .body("reason", containsString("OV-2026-00042")));

        Map<String, Object> unknown = new java.util.HashMap<>(body(text));
        unknown.put("caseReference", "OV-2026-99999");
        asAgent().contentType(ContentType.JSON).queryParam("model", "none").body(unknown).post(PREVIEW).then()
                .statusCode(200).body("teamId", equalTo("omgeving")).body("rule", equalTo("unknown-case-status"));
        asAgent().contentType(ContentType.JSON).body(unknown).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("omgeving"));
    }

    @Test
    void lowConfidenceGoesToFirstLineForTriage() {
        asAgent().contentType(ContentType.JSON).body(body("Goedemorgen, ik wil graag iemand spreken. Groet, Piet"))
                .post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("kcc")).body("rule", equalTo("low-confidence"))
                .body("reason", containsString("Klantcontactcentrum bekijkt het contact en zet het zo nodig door."));
    }

    @Test
    void otherPoliciesExpressTheOtherKccModels() {
        String ownCase = "Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van.";
        String info = "Hoe vraag ik een kapvergunning aan en wat kost dat?";
        asAgent().contentType(ContentType.JSON).queryParam("policy", "one-kcc").body(body(ownCase)).post(PREVIEW)
                .then().statusCode(200).body("teamId", equalTo("kcc")).body("policyName", equalTo("one-kcc"));
        asAgent().contentType(ContentType.JSON).queryParam("policy", "chain-specialised-kcc").body(body(ownCase))
                .post(PREVIEW).then().statusCode(200).body("teamId", equalTo("veiligheid"));
        asAgent().contentType(ContentType.JSON).queryParam("policy", "stuck-in-the-middle").body(body(info))
                .post(PREVIEW).then().statusCode(200).body("teamId", equalTo("omgeving"))
                .body("rule", equalTo("forward-matched"));
        asAgent().contentType(ContentType.JSON).queryParam("policy", "switchboard-plus").body(body(info))
                .post(PREVIEW).then().statusCode(200).body("teamId", equalTo("omgeving"))
                .body("policyName", equalTo("switchboard-plus"));
    }

    @Test
    void municipalityPolicyMapChoosesThePolicy() {
        Map<String, Object> body = new java.util.HashMap<>(
                body("Mijn buren draaien elke nacht tot 3 uur keiharde muziek, ik word er gek van."));
        body.put("municipality", "GM9001");
        asAgent().contentType(ContentType.JSON).body(body).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("kcc")).body("policyName", equalTo("one-kcc"));
    }

    @Test
    void unknownPolicyAndMissingTextAreProblems() {
        asAgent().contentType(ContentType.JSON).queryParam("policy", "nope").body(body("Hallo")).post(PREVIEW).then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("nope"));
        asAgent().contentType(ContentType.JSON).body(Map.of("municipality", "GM0363")).post(PREVIEW).then()
                .statusCode(400).contentType("application/problem+json");
        asAgent().contentType(ContentType.JSON).body("{not json").post(PREVIEW).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void knowledgeChangeWhileRunningChangesTheDecision() {
        String text = "Mijn zwembadabonnement van het gemeentelijk zwembad is onterecht stopgezet.";
        String uri = "urn:test:product:zwembadabonnement";
        asAgent().contentType(ContentType.JSON).body(body(text)).post(PREVIEW).then().statusCode(200)
                .body("productUri", org.hamcrest.Matchers.not(equalTo(uri)));

        ProductChanged product = new ProductChanged(uri, "zwembadabonnement", "aanvraag", null,
                List.of("zwembad", "zwemabonnement"), "sociaal-domein", new HandlingTerm(10, TermUnit.WORKING_DAYS));
        TopicClient.send(Topics.KNOWLEDGE_PRODUCTS, uri, TestContacts.json(product),
                TopicClient.cloudEventHeaders(ProductChanged.TYPE, uri));
        // the rules read the new product at once (?model=none: the text model learns it at its next training)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAgent().contentType(ContentType.JSON)
                .queryParam("model", "none").body(body(text)).post(PREVIEW).then().statusCode(200)
                .body("teamId", equalTo("sociaal-domein")).body("productUri", equalTo(uri)));

        TopicClient.send(Topics.KNOWLEDGE_PRODUCTS, uri, null, TopicClient.cloudEventHeaders(ProductChanged.TYPE, uri));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAgent().contentType(ContentType.JSON)
                .body(body(text)).post(PREVIEW).then().statusCode(200)
                .body("productUri", org.hamcrest.Matchers.not(equalTo(uri))));
    }

    @Test
    void evaluatorCommandPrintsAccuracyPrecisionRecallAndConfusionThroughThePreview() throws Exception {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setProperty("loket.token", Api.agentToken());
        try {
            nl.loket.routing.eval.RoutingEvaluator.main(new String[] {"src/test/resources/eval/probe-set.csv",
                    "http://localhost:" + io.restassured.RestAssured.port});
        } finally {
            System.setOut(original);
            System.clearProperty("loket.token");
        }
        String report = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        System.out.println(report);
        org.assertj.core.api.Assertions.assertThat(report).contains("rows 40").contains("accuracy")
                .contains("precision").contains("recall").contains("confusion matrix")
                .contains("ruimtelijke-ontwikkeling");
    }

    @Test
    void healthReportsTheKnowledgeView() {
        RestAssured.given().get(management + "health/ready").then().statusCode(200)
                .body("checks.name", hasItem("knowledge-view"));
    }
}
