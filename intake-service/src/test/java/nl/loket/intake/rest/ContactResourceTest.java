package nl.loket.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.schema.EventSchemaValidator;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "intake")
class ContactResourceTest {

    static final String VALID_BSN = "111222333";
    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * The management interface's root {@code …/q/} (health, metrics, OpenAPI), on a free port in tests; the value is
     * relative to the management root path. Not on the public port.
     */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** A request as the telephony adapter (may set ivrChoice); the authorisation itself: AuthorizationMatrixTest. */
    static RequestSpecification given() {
        return Api.asAdapter(Api.PHONE);
    }

    static String body(String text) {
        return """
                {"municipality":"GM0363","channel":"PHONE","subject":"Paspoort","text":"%s","language":"nl",
                 "citizen":{"bsn":"%s","name":"Jan de Vries","email":"jan@example.nl","phone":"06 12345678"},
                 "caseReference":"Z-2026-001","ivrChoice":"burgerzaken","adapterId":"phone"}
                """.formatted(text, VALID_BSN);
    }

    @Test
    void acceptedContactIsOnTheTopicAsACloudEventWithoutBsn() {
        Response response = given().contentType(ContentType.JSON).body(body("Mijn paspoort is verlopen, wat nu?"))
                .when().post("/api/v1/contacts")
                .then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/contacts/"))
                .extract().response();
        String contactId = response.path("contactId");
        assertThat(response.<String>path("receivedAt")).isNotBlank();

        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> contactId.equals(r.key()), 1, WAIT).get(0);
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(record.header("ce_type")).isEqualTo(ContactReceived.TYPE);
        assertThat(record.header("ce_source")).isEqualTo("urn:loket:intake-service");
        assertThat(record.header("ce_subject")).isEqualTo(contactId);
        assertThat(record.header("ce_id")).isNotBlank();
        assertThat(record.header("ce_time")).isNotBlank();
        assertThat(EventSchemaValidator.instance().validate(ContactReceived.TYPE, record.value())).isEmpty();
        assertThat(record.value()).doesNotContain(VALID_BSN).contains("\"citizenRef\"").contains("paspoort");

        given().when().get("/api/v1/contacts/" + contactId)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("contactId", equalTo(contactId));
    }

    @Test
    void sameCitizenGetsTheSameReferenceAndNoBsnLeavesTheService() {
        String first = given().contentType(ContentType.JSON).body(body("Vraag een")).post("/api/v1/contacts")
                .then().statusCode(202).extract().path("contactId");
        String second = given().contentType(ContentType.JSON).body(body("Vraag twee")).post("/api/v1/contacts")
                .then().statusCode(202).extract().path("contactId");
        var a = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> first.equals(r.key()), 1, WAIT).get(0);
        var b = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> second.equals(r.key()), 1, WAIT).get(0);
        String refA = a.value().replaceAll(".*\"citizenRef\":\"([0-9a-f]+)\".*", "$1");
        String refB = b.value().replaceAll(".*\"citizenRef\":\"([0-9a-f]+)\".*", "$1");
        assertThat(refA).hasSize(64).isEqualTo(refB);
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameContactAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        String body = body("Ik wil mijn rijbewijs verlengen");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contacts").then().statusCode(202).body("replayed", equalTo(false)).extract().path("contactId");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contacts").then().statusCode(202).body("replayed", equalTo(true)).extract().path("contactId");
        assertThat(second).isEqualTo(first);

        // a later contact on the same partition proves the topic has moved on past any second copy
        String later = given().contentType(ContentType.JSON).body(body("Nog een vraag")).post("/api/v1/contacts")
                .then().statusCode(202).extract().path("contactId");
        TopicClient.await(Topics.CONTACTS_RECEIVED, r -> later.equals(r.key()), 1, WAIT);
        List<TopicClient.ReadRecord> copies = TopicClient.readAll(Topics.CONTACTS_RECEIVED, WAIT).stream()
                .filter(r -> first.equals(r.key())).toList();
        assertThat(copies).hasSize(1);
    }

    /**
     * Receipts handed in together are stored by one statement (PendingReceipts): many requests at once, a few keys
     * each sent several times, and every key is still one contact with one event. (A retry that finds its receipt
     * still PENDING publishes it again with the same event id, which consumers skip.)
     */
    @Test
    void theSameKeySentManyTimesAtOnceIsOneContactWithOneEvent() throws Exception {
        List<String> keys = Stream.generate(() -> UUID.randomUUID().toString()).limit(4).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String key = keys.get(i % keys.size());
                String body = body("Gelijktijdig ingestuurd " + key);
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(body).post("/api/v1/contacts").then().statusCode(202).extract().<String>path("contactId")));
            }
            java.util.Map<String, java.util.Set<String>> contactsByKey = new java.util.HashMap<>();
            for (int i = 0; i < answers.size(); i++) {
                contactsByKey.computeIfAbsent(keys.get(i % keys.size()), k -> new java.util.HashSet<>())
                        .add(answers.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(contactsByKey.values()).hasSize(keys.size()).allSatisfy(ids -> assertThat(ids).hasSize(1));

            String later = given().contentType(ContentType.JSON).body(body("Daarna nog een")).post("/api/v1/contacts")
                    .then().statusCode(202).extract().path("contactId");
            TopicClient.await(Topics.CONTACTS_RECEIVED, r -> later.equals(r.key()), 1, WAIT);
            java.util.Set<String> contacts = contactsByKey.values().stream().flatMap(java.util.Set::stream)
                    .collect(java.util.stream.Collectors.toSet());
            java.util.Map<String, java.util.Set<String>> eventIds = TopicClient.readAll(Topics.CONTACTS_RECEIVED, WAIT)
                    .stream().filter(r -> contacts.contains(r.key()))
                    .collect(java.util.stream.Collectors.groupingBy(TopicClient.ReadRecord::key,
                            java.util.stream.Collectors.mapping(r -> r.header("ce_id"), java.util.stream.Collectors.toSet())));
            assertThat(eventIds).hasSize(keys.size()).allSatisfy((contact, ids) -> assertThat(ids).hasSize(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body("Eerste tekst"))
                .post("/api/v1/contacts").then().statusCode(202);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body("Andere tekst"))
                .post("/api/v1/contacts").then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422));
    }

    @Test
    void idempotencyKeysArePerAdapterSoAnotherAdapterWithTheSameKeyGetsItsOwnContact() {
        String key = UUID.randomUUID().toString();
        String body = "{\"municipality\":\"GM0363\",\"channel\":\"WEB_FORM\",\"text\":\"Mijn paspoort is verlopen\"}";
        String ofWebform = Api.asAdapter(Api.WEBFORM).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/contacts").then().statusCode(202).body("replayed", equalTo(false)).extract().path("contactId");
        String ofEmail = Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.replace("verlopen", "gestolen")).post("/api/v1/contacts")
                .then().statusCode(202).body("replayed", equalTo(false)).extract().path("contactId");
        assertThat(ofEmail).isNotEqualTo(ofWebform);
        // each adapter's own retry is still its replay
        Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.replace("verlopen", "gestolen")).post("/api/v1/contacts")
                .then().statusCode(202).body("replayed", equalTo(true)).body("contactId", equalTo(ofEmail));
        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> ofEmail.equals(r.key()), 1, WAIT).get(0);
        assertThat(record.value()).contains("\"adapterId\":\"email\"");
    }

    @Test
    void adapterIdWithExternalReferenceDeduplicatesWithoutAKey() {
        String ref = "mail-" + UUID.randomUUID();
        String body = """
                {"municipality":"GM0344","channel":"EMAIL","text":"Graag een afspraak","adapterId":"email","externalReference":"%s"}
                """.formatted(ref);
        String first = Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(202).extract().path("contactId");
        Api.asAdapter(Api.EMAIL).contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(202).body("contactId", equalTo(first)).body("replayed", equalTo(true));
    }

    @Test
    void defaultsApplyToLanguageAndReceivedAt() {
        Instant before = Instant.now().minusSeconds(1);
        String id = given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"GM0599\",\"channel\":\"COUNTER\",\"text\":\"Waar kan ik mijn ID-kaart ophalen?\"}")
                .post("/api/v1/contacts").then().statusCode(202).extract().path("contactId");
        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> id.equals(r.key()), 1, WAIT).get(0);
        assertThat(record.value()).contains("\"language\":\"nl\"");
        String receivedAt = record.value().replaceAll(".*\"receivedAt\":\"([^\"]+)\".*", "$1");
        assertThat(Instant.parse(receivedAt)).isAfter(before);
    }

    static Stream<Arguments> badInput() {
        String ok = "\"municipality\":\"GM0363\",\"channel\":\"WEB_FORM\",\"text\":\"Vraag\"";
        return Stream.of(
                Arguments.of("empty object", "{}", "municipality"),
                Arguments.of("no municipality", "{\"channel\":\"WEB_FORM\",\"text\":\"Vraag\"}", "municipality"),
                Arguments.of("municipality not a CBS code", "{" + ok.replace("GM0363", "0363") + "}", "municipality"),
                Arguments.of("unknown channel", "{" + ok.replace("WEB_FORM", "PIGEON") + "}", "channel"),
                Arguments.of("no channel", "{\"municipality\":\"GM0363\",\"text\":\"Vraag\"}", "channel"),
                Arguments.of("no text", "{\"municipality\":\"GM0363\",\"channel\":\"WEB_FORM\"}", "text"),
                Arguments.of("blank text", "{" + ok.replace("\"Vraag\"", "\"   \"") + "}", "text"),
                Arguments.of("text too long", "{" + ok.replace("\"Vraag\"", "\"" + "a".repeat(10_001) + "\"") + "}", "text"),
                Arguments.of("text not a string", "{" + ok.replace("\"Vraag\"", "{\"a\":1}") + "}", "text"),
                Arguments.of("receivedAt in the future", "{" + ok + ",\"receivedAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}", "receivedAt"),
                Arguments.of("receivedAt not a time", "{" + ok + ",\"receivedAt\":\"gisteren\"}", "receivedAt"),
                Arguments.of("language not ISO 639-1", "{" + ok + ",\"language\":\"dutch\"}", "language"),
                Arguments.of("BSN failing the 11-proef", "{" + ok + ",\"citizen\":{\"bsn\":\"123456789\"}}", "citizen.bsn"),
                Arguments.of("BSN of 8 digits", "{" + ok + ",\"citizen\":{\"bsn\":\"12345678\"}}", "citizen.bsn"),
                Arguments.of("BSN with letters", "{" + ok + ",\"citizen\":{\"bsn\":\"12345678a\"}}", "citizen.bsn"),
                Arguments.of("bad e-mail", "{" + ok + ",\"citizen\":{\"email\":\"geen-mail\"}}", "citizen.email"),
                Arguments.of("bad phone", "{" + ok + ",\"citizen\":{\"phone\":\"bel me\"}}", "citizen.phone"),
                Arguments.of("citizen not an object", "{" + ok + ",\"citizen\":\"Jan\"}", "citizen"),
                Arguments.of("unknown field", "{" + ok + ",\"priority\":\"high\"}", "priority"),
                Arguments.of("not JSON", "{oops", "body"),
                Arguments.of("JSON array", "[]", "body"),
                Arguments.of("subject too long", "{" + ok + ",\"subject\":\"" + "s".repeat(201) + "\"}", "subject"),
                Arguments.of("followUpOf not a contact id", "{" + ok + ",\"followUpOf\":\"../etc\"}", "followUpOf"),
                Arguments.of("adapterId with spaces", "{" + ok + ",\"adapterId\":\"my adapter\"}", "adapterId"),
                Arguments.of("caseReference with markup", "{" + ok + ",\"caseReference\":\"<script>\"}", "caseReference"),
                Arguments.of("productCode too long", "{" + ok + ",\"productCode\":\"" + "p".repeat(301) + "\"}", "productCode"),
                Arguments.of("NUL in text", "{" + ok.replace("\"Vraag\"", "\"Vr\\u0000aag\"") + "}", "text"),
                Arguments.of("NUL in citizen name", "{" + ok + ",\"citizen\":{\"name\":\"Jan\\u0000\"}}", "citizen.name"),
                Arguments.of("NUL in externalReference", "{" + ok + ",\"adapterId\":\"a\",\"externalReference\":\"\\u0000\"}", "externalReference"),
                Arguments.of("lone high surrogate in subject", "{" + ok + ",\"subject\":\"x\\ud83dy\"}", "subject"),
                Arguments.of("lone low surrogate in text", "{" + ok.replace("\"Vraag\"", "\"\\ude00 Vraag\"") + "}", "text"),
                Arguments.of("high surrogate at the end of deskTopic", "{" + ok + ",\"deskTopic\":\"balie\\ud83d\"}", "deskTopic"),
                Arguments.of("receivedAt in 1900", "{" + ok + ",\"receivedAt\":\"1900-01-01T00:00:00Z\"}", "receivedAt"),
                Arguments.of("receivedAt beyond the maximum age", "{" + ok + ",\"receivedAt\":\"" + Instant.now().minus(Duration.ofDays(8)) + "\"}", "receivedAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIs400NamingTheField(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"X\",\"channel\":\"EMAIL\",\"text\":\"\",\"language\":\"NL\",\"citizen\":{\"bsn\":\"1\"}}")
                .post("/api/v1/contacts").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("municipality", "text", "language", "citizen.bsn"));
    }

    @Test
    void invalidBsnIsNotEchoed() {
        String answer = given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\"x\",\"citizen\":{\"bsn\":\"987654321\"}}")
                .post("/api/v1/contacts").then().statusCode(400).extract().asString();
        assertThat(answer).doesNotContain("987654321");
    }

    @Test
    void problemsNeverEchoAValueHandedIn() {
        // a value that could be anything a citizen typed, in every field whose problem names it
        String value = "111222333";
        String otherAdapter = given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"GM0363\",\"channel\":\"PHONE\",\"text\":\"x\",\"adapterId\":\"" + value + "\"}")
                .post("/api/v1/contacts").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("not the signed-in adapter")).extract().asString();
        String unknownContact = given().get("/api/v1/contacts/" + value).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String reusedKey = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", reusedKey).body(body("Eerste " + value))
                .post("/api/v1/contacts").then().statusCode(202);
        String conflict = given().contentType(ContentType.JSON).header("Idempotency-Key", reusedKey)
                .body(body("Tweede " + value)).post("/api/v1/contacts").then().statusCode(422).extract().asString();
        String badBsn = given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\"x\",\"citizen\":{\"bsn\":\"111222334\"}}")
                .post("/api/v1/contacts").then().statusCode(400).extract().asString();
        assertThat(List.of(otherAdapter, unknownContact, conflict)).allSatisfy(answer -> assertThat(answer).doesNotContain(value));
        assertThat(conflict).doesNotContain(reusedKey);
        assertThat(badBsn).doesNotContain("111222334");
    }

    @Test
    void badIdempotencyKeyIs400NamingTheHeader() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "has spaces in it").body(body("x"))
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("Idempotency-Key"));
    }

    @Test
    void overLongIdempotencyKeyIs400NamingTheHeader() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201)).body(body("x"))
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("Idempotency-Key"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("200")));
    }

    @Test
    void badHeaderAndBadBodyFieldAreNamedTogether() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(300))
                .body("{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\"\\u0000\"}")
                .post("/api/v1/contacts").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("Idempotency-Key", "text"));
    }

    /** Fuzz finding: Jackson decodes the overlong UTF-8 sequence C0 80 to U+0000, which PostgreSQL refused (500). */
    @Test
    void overlongUtf8NulInATextFieldIs400NamingTheField() {
        byte[] head = "{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\"Vraag\",\"citizen\":{\"name\":\"Jan"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0x80});
        body.writeBytes(tail);
        given().contentType(ContentType.JSON).body(body.toByteArray())
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("citizen.name"));
    }

    @Test
    void receivedAtWithinTheWindowIsAccepted() {
        Instant sixDaysAgo = Instant.now().minus(Duration.ofDays(6)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\"Brief van vorige week\",\"receivedAt\":\""
                        + sixDaysAgo + "\"}")
                .post("/api/v1/contacts").then().statusCode(202).body("receivedAt", equalTo(sixDaysAgo.toString()));
    }

    @Test
    void emojiRightToLeftMarksAndCombiningCharactersArriveUnchanged() {
        String text = "Vraag \uD83D\uDE00 \u200F\u0645\u0631\u062D\u0628\u0627\u200E e\u0301 \u202E";
        String id = given().contentType(ContentType.JSON)
                .body(java.util.Map.of("municipality", "GM0363", "channel", "CHAT", "text", text))
                .post("/api/v1/contacts").then().statusCode(202).extract().path("contactId");
        var record = TopicClient.await(Topics.CONTACTS_RECEIVED, r -> id.equals(r.key()), 1, WAIT).get(0);
        assertThat(io.vertx.core.json.Json.decodeValue(record.value(), io.vertx.core.json.JsonObject.class).getString("text"))
                .isEqualTo(text);
    }

    @Test
    void contactIdThatIsNoContactIdIs400() {
        given().get("/api/v1/contacts/a%00b").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contactId"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("Mijn paspoort is verlopen")
                .post("/api/v1/contacts").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String huge = "{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\"" + "x".repeat(70_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .post("/api/v1/contacts").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unknownContactIs404Problem() {
        given().get("/api/v1/contacts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void healthIsUpWithKafkaAndDatabaseChecksOnTheManagementInterface() {
        RestAssured.given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().get(management + "health/live").then().statusCode(200);
        RestAssured.given().get(management + "metrics").then().statusCode(200);
        RestAssured.given().get(management + "openapi").then().statusCode(200);
    }

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            RestAssured.given().get(path).then().statusCode(404);
        }
    }
}
