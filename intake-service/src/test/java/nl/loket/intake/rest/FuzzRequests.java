package nl.loket.intake.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.loket.contracts.events.Channel;
import nl.loket.intake.Gen;

/**
 * Generators ({@link Gen}, seeded plain Java) of HTTP requests to intake's contact API: valid contacts, mutations
 * of them (dropped, duplicated, retyped and null fields, numbers as strings, boundary lengths, odd Unicode),
 * truncated and random bytes, deep nesting, odd headers (Idempotency-Key lengths and characters, Content-Type and
 * Accept variants) and wrong methods.
 * {@link #sample} draws a fixed number with a fixed seed, so a run is repeatable. Headers stay under the HTTP
 * server's limits (20 KB of headers, 4 KB request line): beyond them Vert.x refuses the request itself (431/414,
 * no body) before intake sees it.
 */
final class FuzzRequests {

    /** The adapter the fuzz signs in as (ContactApiFuzzTest); valid bodies name it or no adapter. */
    static final String ADAPTER = "counter";

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

    private static final Gen<String> WORDS = Gen.strings(Gen.LOWER + " .,?!éëüß'-", 1, 60);
    private static final Gen<String> IDS = Gen.strings(Gen.LOWER + Gen.DIGITS + "-", 1, 40);
    private static final String ALPHANUMERIC = Gen.UPPER + Gen.LOWER + Gen.DIGITS;

    private FuzzRequests() {
    }

    /** {@code count} requests, drawn with {@code seed}: the categories come in the proportions of {@link #requests()}. */
    static List<FuzzRequest> sample(long seed, int count) {
        return requests().sample(seed, count);
    }

    static Gen<FuzzRequest> requests() {
        return Gen.frequency(
                Gen.weight(5, randomBytes()),
                Gen.weight(7, valid()),
                Gen.weight(3, oddButStorableUnicode()),
                Gen.weight(5, dropped()),
                Gen.weight(8, retyped()),
                Gen.weight(4, numbersAsStrings()),
                Gen.weight(4, nulls()),
                Gen.weight(7, boundaryLengths()),
                Gen.weight(3, duplicated()),
                Gen.weight(2, unknownField()),
                Gen.weight(8, oddUnicode()),
                Gen.weight(3, badUtf8()),
                Gen.weight(6, truncated()),
                Gen.weight(3, deepNesting()),
                Gen.weight(6, oddIdempotencyKeys()),
                Gen.weight(5, oddContentTypes()),
                Gen.weight(2, oddAccepts()),
                Gen.weight(5, wrongMethods()),
                Gen.weight(4, oddContactIds()),
                Gen.weight(1, oversized()));
    }

    // ---- valid contacts ----

    static Gen<ObjectNode> validBodies() {
        Gen<String> bsns = Gen.of(VALID_BSNS).orNull(0.4);
        Gen<String> names = WORDS.orNull(0.5);
        Gen<String> emails = Gen.of("jan@example.nl", "a.b+c@gemeente.nl").orNull(0.6);
        Gen<String> phones = Gen.of("0612345678", "+31 6 1234 5678", "(020) 555-1234").orNull(0.6);
        Gen<ObjectNode> citizens = random -> {
            ObjectNode c = NODES.objectNode();
            putIf(c, "bsn", bsns.next(random));
            putIf(c, "name", names.next(random));
            putIf(c, "email", emails.next(random));
            putIf(c, "phone", phones.next(random));
            return c;
        };
        Gen<Channel> channels = Gen.of(Channel.values());
        Gen<String> subjects = WORDS.orNull(0.6);
        Gen<ObjectNode> optionalCitizens = citizens.orNull(0.5);
        Gen<String> refs = IDS.orNull(0.7);
        Gen<String> languages = Gen.of("nl", "en", "tr", "ar").orNull(0.5);
        Gen<String> adapters = Gen.of(ADAPTER).orNull(0.6);
        return random -> {
            ObjectNode body = NODES.objectNode();
            body.put("municipality", String.format("GM%04d", random.nextInt(0, 10_000)));
            body.put("channel", channels.next(random).name());
            body.put("text", Gen.chars(Gen.UPPER).next(random) + WORDS.next(random));
            int minutesAgo = Gen.ints(-1, 6 * 24 * 60).next(random);
            if (minutesAgo >= 0) {
                body.put("receivedAt", Instant.now().minus(Duration.ofMinutes(minutesAgo)).toString());
            }
            putIf(body, "subject", subjects.next(random));
            ObjectNode person = optionalCitizens.next(random);
            if (person != null) {
                body.set("citizen", person);
            }
            String ref = refs.next(random);
            String language = languages.next(random);
            String adapter = adapters.next(random);
            putIf(body, "caseReference", ref);
            putIf(body, "followUpOf", ref);
            putIf(body, "language", language);
            putIf(body, "adapterId", adapter);
            putIf(body, "externalReference", adapter == null ? null : ref);
            return body;
        };
    }

    static Gen<FuzzRequest> valid() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> keys = Gen.strings(ALPHANUMERIC, 24, 24).orNull(0.3);
        return random -> {
            ObjectNode body = bodies.next(random);
            String key = keys.next(random);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("Content-Type", "application/json"));
            if (key != null) {
                headers.add(Map.entry("Idempotency-Key", key));
            }
            return FuzzRequest.post("valid", headers, bytes(body.toString()));
        };
    }

    static Gen<FuzzRequest> oddButStorableUnicode() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of("subject", "text", "citizen.name", "productCode", "deskTopic");
        Gen<String> odds = Gen.of("\u200F\u0645\u0631\u062D\u0628\u0627\u200E", "\u202Eabc\u202C", "😀🎉", "👩‍👩‍👧",
                "e\u0301\u0302", "\uD83C\uDDF3\uD83C\uDDF1", "\u2028", "\uFEFF", "\\ud83d\\ude00");
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            String odd = odds.next(random);
            return FuzzRequest.postJson("storable-unicode", withMarkedValue(body, field, "Vraag " + MARK).replace(MARK, odd));
        };
    }

    // ---- mutations of valid bodies ----

    static Gen<FuzzRequest> dropped() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of(FIELDS);
        return random -> {
            ObjectNode body = bodies.next(random);
            remove(body, fields.next(random));
            return FuzzRequest.postJson("dropped-field", body.toString());
        };
    }

    static Gen<FuzzRequest> retyped() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of(FIELDS);
        Gen<JsonNode> values = Gen.of(RETYPED);
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            set(body, field, values.next(random).deepCopy());
            return FuzzRequest.postJson("retyped-field", body.toString());
        };
    }

    static Gen<FuzzRequest> numbersAsStrings() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of("municipality", "channel", "receivedAt", "language", "text", "citizen.bsn", "citizen.phone");
        Gen<Long> numbers = Gen.of(0L, 3L, 6L, 7L, 363L, 111222333L, 1_700_000_000L, 1_700_000_000_000L,
                Instant.now().getEpochSecond(), Long.MAX_VALUE, -1L);
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            set(body, field, NODES.numberNode(numbers.next(random)));
            return FuzzRequest.postJson("number-for-string", body.toString());
        };
    }

    static Gen<FuzzRequest> nulls() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of(FIELDS);
        return random -> {
            ObjectNode body = bodies.next(random);
            set(body, fields.next(random), NODES.nullNode());
            return FuzzRequest.postJson("null-field", body.toString());
        };
    }

    static Gen<FuzzRequest> boundaryLengths() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of(MAX_LENGTHS.keySet().stream().sorted().toList());
        Gen<Integer> deltas = Gen.of(-1, 0, 1);
        Gen<Character> fillers = Gen.of('a', '1', ' ', 'é', '-');
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            int length = Math.max(0, MAX_LENGTHS.get(field) + deltas.next(random));
            set(body, field, NODES.textNode(String.valueOf(fillers.next(random)).repeat(length)));
            return FuzzRequest.postJson("boundary-length", body.toString());
        };
    }

    static Gen<FuzzRequest> duplicated() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of("municipality", "channel", "text", "citizen");
        Gen<String> values = Gen.of("\"GM0001\"", "\"EMAIL\"", "\"nog een keer\"", "null", "{}", "7");
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            String value = values.next(random);
            return FuzzRequest.postJson("duplicate-field", "{\"" + field + "\":" + value + "," + body.toString().substring(1));
        };
    }

    static Gen<FuzzRequest> unknownField() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of("priority", "Text", "text ", "", "citizen.age", "__proto__", "é", "\\u0000");
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            set(body, field.equals("citizen.age") ? "citizen.age" : "x", NODES.textNode("y"));
            String text = body.toString();
            return FuzzRequest.postJson("unknown-field", field.equals("citizen.age") ? text : text.replace("\"x\":", "\"" + field + "\":"));
        };
    }

    static Gen<FuzzRequest> oddUnicode() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of(TEXT_FIELDS);
        Gen<String> odds = Gen.of(ODD_UNICODE);
        Gen<String> arounds = Gen.of("", "a", "abc ");
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            String odd = odds.next(random);
            String around = arounds.next(random);
            return FuzzRequest.postJson("odd-unicode", withMarkedValue(body, field, around + MARK + around).replace(MARK, odd));
        };
    }

    static Gen<FuzzRequest> badUtf8() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<String> fields = Gen.of("text", "subject", "citizen.name");
        Gen<byte[]> bads = Gen.of(BAD_UTF8);
        return random -> {
            ObjectNode body = bodies.next(random);
            String field = fields.next(random);
            byte[] bad = bads.next(random);
            String[] parts = withMarkedValue(body, field, "x" + MARK + "y").split(MARK, 2);
            return FuzzRequest.post("invalid-utf8", List.of(Map.entry("Content-Type", "application/json")),
                    concat(bytes(parts[0]), bad, bytes(parts[1])));
        };
    }

    // ---- not a contact at all ----

    static Gen<FuzzRequest> truncated() {
        Gen<ObjectNode> bodies = validBodies();
        Gen<Integer> permilles = Gen.ints(0, 999);
        return random -> {
            byte[] all = bytes(bodies.next(random).toString());
            int permille = permilles.next(random);
            return FuzzRequest.post("truncated", List.of(Map.entry("Content-Type", "application/json")),
                    Arrays.copyOf(all, all.length * permille / 1000));
        };
    }

    static Gen<FuzzRequest> randomBytes() {
        Gen<byte[]> raw = random -> {
            byte[] bytes = new byte[random.nextInt(0, 2_001)];
            random.nextBytes(bytes);
            return bytes;
        };
        Gen<byte[]> jsonish = Gen.strings("{}[]\":,0123456789.eE+-truefalsn \\u\n\t", 0, 400).map(FuzzRequests::bytes);
        return Gen.oneOf(raw, jsonish)
                .map(body -> FuzzRequest.post("random-bytes", List.of(Map.entry("Content-Type", "application/json")), body));
    }

    static Gen<FuzzRequest> deepNesting() {
        Gen<Integer> depths = Gen.ints(2, 6_000);
        Gen<String> opens = Gen.of("[", "{\"a\":", "{\"citizen\":", "{\"text\":[");
        return random -> {
            int depth = depths.next(random);
            String open = opens.next(random);
            String close = switch (open) {
                case "[", "{\"text\":[" -> "]";
                default -> "}";
            };
            String text = open.repeat(depth) + "1" + (open.equals("{\"text\":[") ? "]}" : close).repeat(depth);
            return FuzzRequest.postJson("deep-nesting", text);
        };
    }

    static Gen<FuzzRequest> oversized() {
        return Gen.ints(64 * 1024 - 200, 70 * 1024)
                .map(size -> FuzzRequest.postJson("oversized", "{\"municipality\":\"GM0363\",\"channel\":\"EMAIL\",\"text\":\""
                        + "x".repeat(size) + "\"}"));
    }

    // ---- headers, methods, paths ----

    static Gen<FuzzRequest> oddIdempotencyKeys() {
        Gen<FuzzRequest> requests = valid();
        Gen<Integer> lengths = Gen.frequency(Gen.weight(4, Gen.ints(0, 200)), Gen.weight(2, Gen.of(199, 200, 201, 202)),
                Gen.weight(2, Gen.ints(201, 2_000)), Gen.weight(1, Gen.ints(2_000, 16_000)));
        Gen<String> alphabets = Gen.of("abcXYZ019-_.:", "!\"#$%&'()*+,/;<=>?@[\\]^`{|}~", "a b", "a\tb",
                "\u00e9\u00ff\u00a0\u00c0", "ab%00cd", "=?utf-8?q?x?=");
        Gen<String> names = Gen.of("Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY");
        Gen<Integer> repeats = Gen.ints(1, 2);
        return random -> {
            FuzzRequest request = requests.next(random);
            int length = lengths.next(random);
            String alphabet = alphabets.next(random);
            String name = names.next(random);
            int times = repeats.next(random);
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
        };
    }

    static Gen<FuzzRequest> oddContentTypes() {
        Gen<FuzzRequest> requests = valid();
        Gen<String> types = Gen.of(CONTENT_TYPES).orNull(0.05);
        return random -> {
            FuzzRequest request = requests.next(random);
            String type = types.next(random);
            FuzzRequest retyped = request.withHeaders(type == null ? List.of() : List.of(Map.entry("Content-Type", type)));
            return new FuzzRequest("odd-content-type", retyped.method(), retyped.path(), retyped.headers(), retyped.body());
        };
    }

    static Gen<FuzzRequest> oddAccepts() {
        Gen<FuzzRequest> requests = Gen.oneOf(valid(), retyped());
        Gen<String> accepts = Gen.of(ACCEPTS);
        return random -> {
            FuzzRequest request = requests.next(random);
            List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
            headers.add(Map.entry("Accept", accepts.next(random)));
            return new FuzzRequest("odd-accept", request.method(), request.path(), headers, request.body());
        };
    }

    static Gen<FuzzRequest> wrongMethods() {
        Gen<FuzzRequest> requests = valid();
        Gen<String> methods = Gen.of(METHODS);
        Gen<String> paths = Gen.of("/api/v1/contacts", "/api/v1/contacts/", "/api/v1/contacts/00000000-0000-4000-8000-000000000000",
                "/api/v1/contacts?x=1", "/api/v1/contacts/a/b");
        Gen<FuzzRequest> any = random -> {
            FuzzRequest request = requests.next(random);
            String method = methods.next(random);
            String path = paths.next(random);
            return new FuzzRequest("wrong-method", method, path, request.headers(),
                    method.equals("HEAD") || method.equals("TRACE") ? new byte[0] : request.body());
        };
        // a POST to the collection is no wrong method
        return any.filter(r -> !(r.method().equals("POST") && r.path().startsWith("/api/v1/contacts")
                && !r.path().startsWith("/api/v1/contacts/")));
    }

    static Gen<FuzzRequest> oddContactIds() {
        Gen<String> ids = Gen.frequency(Gen.weight(3, Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 0, 40)),
                Gen.weight(2, Gen.strings(ALPHANUMERIC + "-", 1, 300)),
                Gen.weight(1, Gen.of("\u0000", "..", "%", "\uD800", "😀", " ", "a\u0000b", "null", "0")));
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
