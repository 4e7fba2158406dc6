package nl.loket.intake.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import nl.loket.contracts.events.Channel;

/**
 * jqwik generators of HTTP requests to intake's contact API: valid contacts, mutations of them (dropped, duplicated,
 * retyped and null fields, numbers as strings, boundary lengths, odd Unicode), truncated and random bytes, deep
 * nesting, odd headers (Idempotency-Key lengths and characters, Content-Type and Accept variants) and wrong methods.
 * {@link #sample} draws a fixed number with a fixed seed, so a run is repeatable. Headers stay under the HTTP
 * server's limits (20 KB of headers, 4 KB request line): beyond them Vert.x refuses the request itself (431/414,
 * no body) before intake sees it.
 */
final class FuzzRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in for a JSON escape that a serialiser would not write (lone surrogates); replaced in the text. */
    private static final String MARK = "@@odd@@";

    /** Every field with the longest value it may have (for the boundary mutation). */
    private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("municipality", 6), Map.entry("subject", 200), Map.entry("text", 10_000), Map.entry("language", 2),
            Map.entry("caseReference", 100), Map.entry("productCode", 300), Map.entry("ivrChoice", 100),
            Map.entry("deskTopic", 100), Map.entry("followUpOf", 100), Map.entry("adapterId", 100),
            Map.entry("externalReference", 200), Map.entry("citizen.name", 200), Map.entry("citizen.email", 254),
            Map.entry("citizen.phone", 40), Map.entry("citizen.bsn", 9));
    private static final List<String> FIELDS = List.of("municipality", "channel", "receivedAt", "subject", "text", "language",
            "citizen", "caseReference", "productCode", "ivrChoice", "deskTopic", "followUpOf", "adapterId", "externalReference",
            "citizen.bsn", "citizen.name", "citizen.email", "citizen.phone");
    private static final List<String> TEXT_FIELDS = List.of("subject", "text", "productCode", "ivrChoice", "deskTopic",
            "externalReference", "citizen.name", "caseReference", "adapterId", "followUpOf", "citizen.email");
    /** Odd Unicode as JSON text: escapes (NUL, lone surrogates, controls) and raw characters. */
    private static final List<String> ODD_UNICODE = List.of("\\u0000", "\\ud800", "\\udfff", "\\ud83d", "x\\ude00",
            "\\ud83d\\ude00", "\\u0007", "\\u001f", "\\u007f", "\\u2028", "\\ufeff", "\\uffff", "\\ufffe",
            "\u200F\u0645\u0631\u062D\u0628\u0627", "\u202E", "\u200B", "😀", "👩‍👩‍👧", "e\u0301\u0302\u0303", "Z\u0351\u0352\u0353\u0354",
            "\u0000", "\\\\", "\\\"", "\\/", "\uD83C\uDDF3\uD83C\uDDF1", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    /** Invalid UTF-8 inside a JSON string: overlong NUL, CESU-8 surrogate, stray continuation and 0xFF bytes. */
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82});
    private static final List<JsonNode> RETYPED = List.of(NODES.numberNode(42), NODES.numberNode(-1),
            NODES.numberNode(3.14), NODES.numberNode(new java.math.BigDecimal("1e400")),
            NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.arrayNode().add(1).add("a"), NODES.objectNode(), NODES.objectNode().put("a", 1),
            NODES.textNode(""), NODES.textNode(" "), NODES.nullNode());
    private static final List<String> CONTENT_TYPES = List.of("application/json", "APPLICATION/JSON",
            "application/json; charset=utf-8", "application/json;charset=UTF-8", "application/json; charset=utf-16",
            "application/json; charset=ISO-8859-1", "application/json; charset=bogus", "application/json; charset=",
            "application/json;;;", "application/json; boundary=x; q=0.5", "application/problem+json", "application/*+json",
            "application/merge-patch+json", "text/json", "text/plain", "text/plain; charset=utf-8", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x", "application/octet-stream",
            "*/*", "application/*", "json", "", ";", "application/json, text/plain", "application/json; charset=\"utf-8\"");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "text/html",
            "application/xml", "*/*", "text/*", "application/json;q=0", "image/png, */*;q=0.1", "", "garbage///");
    private static final List<String> METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "POST");
    private static final List<String> VALID_BSNS = List.of("111222333", "123456782", "999999990");

    private FuzzRequests() {
    }

    /**
     * {@code count} requests, drawn with {@code seed}. Without jqwik's extra edge cases (which would favour some
     * categories), so the categories come in the proportions of {@link #requests()}.
     */
    static List<FuzzRequest> sample(long seed, int count) {
        JqwikSession.start();
        try {
            return requests().generator(1_000).stream(new java.util.Random(seed)).map(Shrinkable::value).limit(count).toList();
        } finally {
            JqwikSession.finish();
        }
    }

    static Arbitrary<FuzzRequest> requests() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, randomBytes()),
                Tuple.of(7, valid()),
                Tuple.of(3, oddButStorableUnicode()),
                Tuple.of(5, dropped()),
                Tuple.of(8, retyped()),
                Tuple.of(4, numbersAsStrings()),
                Tuple.of(4, nulls()),
                Tuple.of(7, boundaryLengths()),
                Tuple.of(3, duplicated()),
                Tuple.of(2, unknownField()),
                Tuple.of(8, oddUnicode()),
                Tuple.of(3, badUtf8()),
                Tuple.of(6, truncated()),
                Tuple.of(3, deepNesting()),
                Tuple.of(6, oddIdempotencyKeys()),
                Tuple.of(5, oddContentTypes()),
                Tuple.of(2, oddAccepts()),
                Tuple.of(5, wrongMethods()),
                Tuple.of(4, oddContactIds()),
                Tuple.of(1, oversized()));
    }

    // ---- valid contacts ----

    static Arbitrary<ObjectNode> validBodies() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars(" .,?!éëüß'-").ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-").ofMinLength(1).ofMaxLength(40);
        Arbitrary<ObjectNode> citizen = Combinators.combine(Arbitraries.of(VALID_BSNS).injectNull(0.4), words.injectNull(0.5),
                Arbitraries.of("jan@example.nl", "a.b+c@gemeente.nl").injectNull(0.6), Arbitraries.of("0612345678", "+31 6 1234 5678", "(020) 555-1234").injectNull(0.6))
                .as((bsn, name, email, phone) -> {
                    ObjectNode c = NODES.objectNode();
                    putIf(c, "bsn", bsn);
                    putIf(c, "name", name);
                    putIf(c, "email", email);
                    putIf(c, "phone", phone);
                    return c;
                });
        Arbitrary<ObjectNode> required = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.of(Channel.class),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(1).flatMap(first -> words.map(rest -> first + rest)),
                Arbitraries.integers().between(-1, 6 * 24 * 60))
                .as((code, channel, text, minutesAgo) -> {
                    ObjectNode body = NODES.objectNode();
                    body.put("municipality", String.format("GM%04d", code));
                    body.put("channel", channel.name());
                    body.put("text", text);
                    if (minutesAgo >= 0) {
                        body.put("receivedAt", Instant.now().minus(Duration.ofMinutes(minutesAgo)).toString());
                    }
                    return body;
                });
        return Combinators.combine(required, words.injectNull(0.6), citizen.injectNull(0.5), ids.injectNull(0.7),
                        Arbitraries.of("nl", "en", "tr", "ar").injectNull(0.5), Arbitraries.of("web-1", "telefonie", "mail.gw:2").injectNull(0.6))
                .as((body, subject, person, ref, language, adapter) -> {
                    putIf(body, "subject", subject);
                    if (person != null) {
                        body.set("citizen", person);
                    }
                    putIf(body, "caseReference", ref);
                    putIf(body, "followUpOf", ref);
                    putIf(body, "language", language);
                    putIf(body, "adapterId", adapter);
                    putIf(body, "externalReference", adapter == null ? null : ref);
                    return body;
                });
    }

    static Arbitrary<FuzzRequest> valid() {
        return Combinators.combine(validBodies(), Arbitraries.strings().alpha().numeric().ofLength(24).injectNull(0.3))
                .as((body, key) -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>();
                    headers.add(Map.entry("Content-Type", "application/json"));
                    if (key != null) {
                        headers.add(Map.entry("Idempotency-Key", key));
                    }
                    return FuzzRequest.post("valid", headers, bytes(body.toString()));
                });
    }

    static Arbitrary<FuzzRequest> oddButStorableUnicode() {
        return Combinators.combine(validBodies(), Arbitraries.of("subject", "text", "citizen.name", "productCode", "deskTopic"),
                        Arbitraries.of("\u200F\u0645\u0631\u062D\u0628\u0627\u200E", "\u202Eabc\u202C", "😀🎉", "👩‍👩‍👧",
                                "e\u0301\u0302", "\uD83C\uDDF3\uD83C\uDDF1", "\u2028", "\uFEFF", "\\ud83d\\ude00"))
                .as((body, field, odd) -> FuzzRequest.postJson("storable-unicode", withMarkedValue(body, field, "Vraag " + MARK)
                        .replace(MARK, odd)));
    }

    // ---- mutations of valid bodies ----

    static Arbitrary<FuzzRequest> dropped() {
        return Combinators.combine(validBodies(), Arbitraries.of(FIELDS))
                .as((body, field) -> {
                    remove(body, field);
                    return FuzzRequest.postJson("dropped-field", body.toString());
                });
    }

    static Arbitrary<FuzzRequest> retyped() {
        return Combinators.combine(validBodies(), Arbitraries.of(FIELDS), Arbitraries.of(RETYPED))
                .as((body, field, value) -> {
                    set(body, field, value.deepCopy());
                    return FuzzRequest.postJson("retyped-field", body.toString());
                });
    }

    static Arbitrary<FuzzRequest> numbersAsStrings() {
        return Combinators.combine(validBodies(), Arbitraries.of("municipality", "channel", "receivedAt", "language", "text",
                        "citizen.bsn", "citizen.phone"), Arbitraries.of(0L, 3L, 6L, 7L, 363L, 111222333L, 1_700_000_000L,
                        1_700_000_000_000L, Instant.now().getEpochSecond(), Long.MAX_VALUE, -1L))
                .as((body, field, number) -> {
                    set(body, field, NODES.numberNode(number));
                    return FuzzRequest.postJson("number-for-string", body.toString());
                });
    }

    static Arbitrary<FuzzRequest> nulls() {
        return Combinators.combine(validBodies(), Arbitraries.of(FIELDS))
                .as((body, field) -> {
                    set(body, field, NODES.nullNode());
                    return FuzzRequest.postJson("null-field", body.toString());
                });
    }

    static Arbitrary<FuzzRequest> boundaryLengths() {
        return Combinators.combine(validBodies(), Arbitraries.of(MAX_LENGTHS.keySet().stream().sorted().toList()),
                        Arbitraries.of(-1, 0, 1), Arbitraries.of('a', '1', ' ', 'é', '-'))
                .as((body, field, delta, c) -> {
                    int length = Math.max(0, MAX_LENGTHS.get(field) + delta);
                    set(body, field, NODES.textNode(String.valueOf(c).repeat(length)));
                    return FuzzRequest.postJson("boundary-length", body.toString());
                });
    }

    static Arbitrary<FuzzRequest> duplicated() {
        return Combinators.combine(validBodies(), Arbitraries.of("municipality", "channel", "text", "citizen"),
                        Arbitraries.of("\"GM0001\"", "\"EMAIL\"", "\"nog een keer\"", "null", "{}", "7"))
                .as((body, field, value) -> FuzzRequest.postJson("duplicate-field",
                        "{\"" + field + "\":" + value + "," + body.toString().substring(1)));
    }

    static Arbitrary<FuzzRequest> unknownField() {
        return Combinators.combine(validBodies(), Arbitraries.of("priority", "Text", "text ", "", "citizen.age", "__proto__", "é", "\\u0000"))
                .as((body, field) -> {
                    set(body, field.equals("citizen.age") ? "citizen.age" : "x", NODES.textNode("y"));
                    String text = body.toString();
                    return FuzzRequest.postJson("unknown-field", field.equals("citizen.age") ? text : text.replace("\"x\":", "\"" + field + "\":"));
                });
    }

    static Arbitrary<FuzzRequest> oddUnicode() {
        return Combinators.combine(validBodies(), Arbitraries.of(TEXT_FIELDS), Arbitraries.of(ODD_UNICODE), Arbitraries.of("", "a", "abc "))
                .as((body, field, odd, around) -> FuzzRequest.postJson("odd-unicode",
                        withMarkedValue(body, field, around + MARK + around).replace(MARK, odd)));
    }

    static Arbitrary<FuzzRequest> badUtf8() {
        return Combinators.combine(validBodies(), Arbitraries.of("text", "subject", "citizen.name"), Arbitraries.of(BAD_UTF8))
                .as((body, field, bad) -> {
                    String[] parts = withMarkedValue(body, field, "x" + MARK + "y").split(MARK, 2);
                    return FuzzRequest.post("invalid-utf8", List.of(Map.entry("Content-Type", "application/json")),
                            concat(bytes(parts[0]), bad, bytes(parts[1])));
                });
    }

    // ---- not a contact at all ----

    static Arbitrary<FuzzRequest> truncated() {
        return Combinators.combine(validBodies(), Arbitraries.integers().between(0, 999))
                .as((body, permille) -> {
                    byte[] all = bytes(body.toString());
                    return FuzzRequest.post("truncated", List.of(Map.entry("Content-Type", "application/json")),
                            java.util.Arrays.copyOf(all, all.length * permille / 1000));
                });
    }

    static Arbitrary<FuzzRequest> randomBytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-truefalsn \\u\n\t").ofMaxLength(400).map(FuzzRequests::bytes);
        return Arbitraries.oneOf(raw, jsonish)
                .map(body -> FuzzRequest.post("random-bytes", List.of(Map.entry("Content-Type", "application/json")), body));
    }

    static Arbitrary<FuzzRequest> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(2, 6_000), Arbitraries.of("[", "{\"a\":", "{\"citizen\":", "{\"text\":["))
                .as((depth, open) -> {
                    String close = switch (open) {
                        case "[", "{\"text\":[" -> "]";
                        default -> "}";
                    };
                    String text = open.repeat(depth) + "1" + (open.equals("{\"text\":[") ? "]}" : close).repeat(depth);
                    return FuzzRequest.postJson("deep-nesting", text);
                });
    }

    static Arbitrary<FuzzRequest> oversized() {
        return Arbitraries.integers().between(64 * 1024 - 200, 70 * 1024)
                .map(size -> FuzzRequest.postJson("oversized", "{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\""
                        + "x".repeat(size) + "\"}"));
    }

    // ---- headers, methods, paths ----

    static Arbitrary<FuzzRequest> oddIdempotencyKeys() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 200)),
                Tuple.of(2, Arbitraries.of(199, 200, 201, 202)), Tuple.of(2, Arbitraries.integers().between(201, 2_000)),
                Tuple.of(1, Arbitraries.integers().between(2_000, 16_000)));
        Arbitrary<String> alphabets = Arbitraries.of("abcXYZ019-_.:", "!\"#$%&'()*+,/;<=>?@[\\]^`{|}~", "a b", "a\tb",
                "\u00e9\u00ff\u00a0\u00c0", "ab%00cd", "=?utf-8?q?x?=");
        return Combinators.combine(valid(), lengths, alphabets, Arbitraries.of("Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY"),
                        Arbitraries.integers().between(1, 2))
                .as((request, length, alphabet, name, times) -> {
                    StringBuilder key = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        key.append(alphabet.charAt((i * 7 + length) % alphabet.length()));
                    }
                    List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Content-Type", "application/json")));
                    // a second key only when short: the whole header block stays under the HTTP server's 20 KB limit
                    for (int i = 0; i < (length > 4_000 ? 1 : times); i++) {
                        headers.add(Map.entry(name, key + (i == 0 ? "" : "-2")));
                    }
                    return new FuzzRequest("odd-idempotency-key", "POST", request.path(), headers, request.body());
                });
    }

    static Arbitrary<FuzzRequest> oddContentTypes() {
        return Combinators.combine(valid(), Arbitraries.of(CONTENT_TYPES).injectNull(0.05))
                .as((request, type) -> request.withHeaders(type == null ? List.of() : List.of(Map.entry("Content-Type", type))))
                .map(r -> new FuzzRequest("odd-content-type", r.method(), r.path(), r.headers(), r.body()));
    }

    static Arbitrary<FuzzRequest> oddAccepts() {
        return Combinators.combine(Arbitraries.oneOf(valid(), retyped()), Arbitraries.of(ACCEPTS))
                .as((request, accept) -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
                    headers.add(Map.entry("Accept", accept));
                    return new FuzzRequest("odd-accept", request.method(), request.path(), headers, request.body());
                });
    }

    static Arbitrary<FuzzRequest> wrongMethods() {
        return Combinators.combine(valid(), Arbitraries.of(METHODS), Arbitraries.of("/api/v1/contacts", "/api/v1/contacts/",
                        "/api/v1/contacts/00000000-0000-4000-8000-000000000000", "/api/v1/contacts?x=1", "/api/v1/contacts/a/b"))
                .as((request, method, path) -> new FuzzRequest("wrong-method", method, path, request.headers(),
                        method.equals("HEAD") || method.equals("TRACE") ? new byte[0] : request.body()))
                .filter(r -> !(r.method().equals("POST") && r.path().startsWith("/api/v1/contacts") && !r.path().startsWith("/api/v1/contacts/")));
    }

    static Arbitrary<FuzzRequest> oddContactIds() {
        Arbitrary<String> ids = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(1).ofMaxLength(300)),
                Tuple.of(1, Arbitraries.of("\u0000", "..", "%", "\uD800", "😀", " ", "a\u0000b", "null", "0")));
        return ids.map(id -> new FuzzRequest("odd-contact-id", "GET",
                "/api/v1/contacts/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), List.of(), new byte[0]))
                .filter(r -> r.path().length() < 3_000);
    }

    // ---- helpers ----

    /** The body as JSON text with {@code value} (which may hold {@link #MARK}) in {@code field}. */
    private static String withMarkedValue(ObjectNode body, String field, String value) {
        set(body, field, NODES.textNode(value));
        return body.toString();
    }

    private static void set(ObjectNode body, String field, JsonNode value) {
        if (field.startsWith("citizen.")) {
            JsonNode citizen = body.get("citizen");
            ObjectNode target = citizen instanceof ObjectNode c ? c : body.putObject("citizen");
            target.set(field.substring("citizen.".length()), value);
        } else {
            body.set(field, value);
        }
    }

    private static void remove(ObjectNode body, String field) {
        if (field.startsWith("citizen.")) {
            if (body.get("citizen") instanceof ObjectNode c) {
                c.remove(field.substring("citizen.".length()));
            }
        } else {
            body.remove(field);
        }
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static ObjectMapper json() {
        return JSON;
    }
}
