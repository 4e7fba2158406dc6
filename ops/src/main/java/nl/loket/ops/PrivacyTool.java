package nl.loket.ops;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data-subject requests (AVG art. 15 inzage, art. 17 erasure) across the services, for an operator:
 * <ol>
 * <li>intake turns the BSN into the citizen's pseudonym ({@code POST /api/v1/privacy/citizen-ref}; the BSN goes no
 * further and is never stored);</li>
 * <li>routing finds the citizen's contacts by that pseudonym (it also knows each team's pseudonym);</li>
 * <li>inzage asks intake, routing and chain-team what they hold; erasure erases at chain-team and intake first and at
 * routing last, so that a run that stops half-way can simply be run again (routing still finds the contacts).</li>
 * </ol>
 * Every call carries one {@code X-Loket-Request-Id}, so the services' processing logs tie their entries to the
 * request. metrics-service holds no personal data and is not asked. The BSN is read from standard input (or asked
 * for without echo), never from the command line, where shell history and the process list would keep it.
 *
 * <pre>
 * inzage [--out dir]     a JSON report and a readable summary (Dutch, for the citizen) in dir (default .)
 * erase                  erases the personal fields everywhere; prints what each service erased
 * log [--contact id] [--purpose P] [--actor name] [--limit n]   the processing logs of the services, merged
 * options: --intake url --routing url --chain-team url (defaults: the local platform); token in LOKET_TOKEN
 * </pre>
 */
public final class PrivacyTool {

    public static final String REQUEST_ID_HEADER = "X-Loket-Request-Id";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter DUTCH_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
            Locale.forLanguageTag("nl-NL")).withZone(ZoneId.of("Europe/Amsterdam"));
    private static final Map<String, String> CHANNELS = Map.of("WEB_FORM", "webformulier", "EMAIL", "e-mail",
            "PHONE", "telefoon", "COUNTER", "balie", "SOCIAL", "sociale media", "LETTER", "brief");

    /** The services that hold personal data. */
    public record Endpoints(String intake, String routing, String chainTeam) {
    }

    /** What one request found: the JSON report, the readable summary, and the contacts found. */
    public record Outcome(String requestId, ObjectNode report, String summary, Set<String> contactIds) {
    }

    private final Endpoints endpoints;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public PrivacyTool(Endpoints endpoints, String token) {
        this.endpoints = endpoints;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        int offset = Integer.parseInt(System.getenv().getOrDefault("LOKET_PORT_OFFSET", "0"));
        String intake = "http://localhost:" + (8081 + offset);
        String routing = "http://localhost:" + (8082 + offset);
        String chainTeam = "http://localhost:" + (8084 + offset);
        Path out = Path.of(".");
        String contact = null;
        String purpose = null;
        String actor = null;
        int limit = 100;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--intake" -> intake = args[++i];
                case "--routing" -> routing = args[++i];
                case "--chain-team" -> chainTeam = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--contact" -> contact = args[++i];
                case "--purpose" -> purpose = args[++i];
                case "--actor" -> actor = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        String token = System.getenv("LOKET_TOKEN");
        if (rest.isEmpty() || token == null || token.isBlank()) {
            System.err.println("usage: LOKET_TOKEN=<operator token> PrivacyTool inzage [--out dir] | erase | log "
                    + "[--contact id] [--purpose P] [--actor name] [--limit n]  (the BSN is read from standard input)");
            System.exit(2);
        }
        PrivacyTool tool = new PrivacyTool(new Endpoints(intake, routing, chainTeam), token);
        switch (rest.get(0)) {
            case "inzage" -> {
                Outcome o = tool.inzage(readBsn());
                Files.createDirectories(out);
                Path json = out.resolve("inzage-" + o.requestId() + ".json");
                Path text = out.resolve("inzage-" + o.requestId() + ".txt");
                Files.writeString(json, JSON.writeValueAsString(o.report()));
                Files.writeString(text, o.summary());
                System.out.println(o.summary());
                System.out.println("Report: " + json.toAbsolutePath() + "\nSummary: " + text.toAbsolutePath());
            }
            case "erase" -> {
                Outcome o = tool.erase(readBsn());
                System.out.println(o.summary());
            }
            case "log" -> tool.printLog(System.out, contact, purpose, actor, limit);
            default -> {
                System.err.println("unknown command " + rest.get(0) + ": inzage | erase | log");
                System.exit(2);
            }
        }
    }

    /** AVG art. 15: everything the services hold about the citizen with this BSN. */
    public Outcome inzage(String bsn) throws IOException, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        String ref = citizenRef(bsn, requestId);
        ObjectNode refBody = JSON.createObjectNode().put("citizenRef", ref);
        JsonNode routed = post(endpoints.routing(), "/api/v1/privacy/inzage", refBody, requestId);
        Set<String> ids = contactIds(routed);
        JsonNode received = post(endpoints.intake(), "/api/v1/privacy/inzage", refBody, requestId);
        ids.addAll(contactIds(received));
        JsonNode worked = post(endpoints.chainTeam(), "/api/v1/privacy/inzage", idsBody(ids), requestId);

        ObjectNode report = JSON.createObjectNode();
        report.put("requestId", requestId).put("kind", "inzage").put("requestedAt", Instant.now().toString())
                .put("contactCount", ids.size());
        ArrayNode services = report.putArray("services");
        services.add(received);
        services.add(routed);
        services.add(worked);
        report.putArray("contactIds").addAll(ids.stream().map(JSON.getNodeFactory()::textNode).toList());
        return new Outcome(requestId, report, inzageSummary(requestId, ids, routed, worked), ids);
    }

    /** AVG art. 17: erases the citizen's personal fields in every service; facts and KPIs stay. */
    public Outcome erase(String bsn) throws IOException, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        String ref = citizenRef(bsn, requestId);
        ObjectNode refBody = JSON.createObjectNode().put("citizenRef", ref);
        Set<String> ids = contactIds(post(endpoints.routing(), "/api/v1/privacy/inzage", refBody, requestId));
        ObjectNode report = JSON.createObjectNode();
        report.put("requestId", requestId).put("kind", "erasure").put("requestedAt", Instant.now().toString());
        ArrayNode services = report.putArray("services");
        // chain-team and intake first, routing (where the contacts are found) last: a run stopped half-way can be
        // run again
        JsonNode worked = post(endpoints.chainTeam(), "/api/v1/privacy/erasure", idsBody(ids), requestId);
        JsonNode received = post(endpoints.intake(), "/api/v1/privacy/erasure", refBody, requestId);
        JsonNode routed = post(endpoints.routing(), "/api/v1/privacy/erasure", refBody, requestId);
        services.add(worked);
        services.add(received);
        services.add(routed);
        StringBuilder summary = new StringBuilder("Verwijderverzoek " + requestId + ": " + ids.size()
                + " contact(en) gevonden.\n");
        for (JsonNode s : services) {
            summary.append("  ").append(s.path("service").asText()).append(": ").append(s.path("erased").size())
                    .append(" contact(en) gewist\n");
        }
        summary.append("Kafka-topics: de berichten verlopen met de bewaartermijn van het topic (contacts.received 7 dagen,"
                + " teamtopics en dead-letter-topics 14 dagen).\n");
        return new Outcome(requestId, report, summary.toString(), ids);
    }

    /** The processing logs of the services that keep one, merged, newest first. */
    public List<JsonNode> log(String contactId, String purpose, String actor, int limit)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        append(query, "contactId", contactId);
        append(query, "purpose", purpose);
        append(query, "actor", actor);
        List<JsonNode> entries = new ArrayList<>();
        Map<String, String> services = new LinkedHashMap<>();
        services.put("intake-service", endpoints.intake());
        services.put("routing-service", endpoints.routing());
        services.put("chain-team-service", endpoints.chainTeam());
        for (Map.Entry<String, String> s : services.entrySet()) {
            for (JsonNode e : get(s.getValue(), "/api/v1/processing-log" + query)) {
                entries.add(((ObjectNode) e.deepCopy()).put("service", s.getKey()));
            }
        }
        entries.sort((a, b) -> b.path("loggedAt").asText().compareTo(a.path("loggedAt").asText()));
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private void printLog(PrintStream out, String contactId, String purpose, String actor, int limit)
            throws IOException, InterruptedException {
        out.printf("%-24s %-19s %-20s %-16s %-38s %s%n", "logged at", "service", "actor", "purpose", "contact",
                "endpoint");
        for (JsonNode e : log(contactId, purpose, actor, limit)) {
            out.printf("%-24s %-19s %-20s %-16s %-38s %s%n", e.path("loggedAt").asText(), e.path("service").asText(),
                    e.path("actor").asText(), e.path("purpose").asText(), e.path("contactId").asText("-"),
                    e.path("endpoint").asText());
        }
    }

    private String citizenRef(String bsn, String requestId) throws IOException, InterruptedException {
        JsonNode answer = post(endpoints.intake(), "/api/v1/privacy/citizen-ref",
                JSON.createObjectNode().put("bsn", bsn), requestId);
        return answer.path("citizenRef").asText();
    }

    private static Set<String> contactIds(JsonNode serviceAnswer) {
        Set<String> ids = new LinkedHashSet<>();
        serviceAnswer.path("contacts").forEach(c -> ids.add(c.path("contactId").asText()));
        return ids;
    }

    private static ObjectNode idsBody(Set<String> ids) {
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("contactIds")::add);
        return body;
    }

    private static String inzageSummary(String requestId, Set<String> ids, JsonNode routed, JsonNode worked) {
        StringBuilder s = new StringBuilder();
        s.append("Inzageverzoek ").append(requestId).append("\n");
        s.append("Loket kent ").append(ids.size()).append(ids.size() == 1 ? " contact" : " contacten")
                .append(" van deze burger.\n");
        Map<String, JsonNode> items = new LinkedHashMap<>();
        worked.path("contacts").forEach(c -> items.put(c.path("contactId").asText(), c));
        for (JsonNode c : routed.path("contacts")) {
            String id = c.path("contactId").asText();
            s.append("\n- Contact ").append(id).append("\n");
            String received = c.path("receivedAt").asText(null);
            if (received != null) {
                s.append("  Ontvangen: ").append(DUTCH_TIME.format(Instant.parse(received)));
            }
            s.append(" via ").append(CHANNELS.getOrDefault(c.path("channel").asText(), c.path("channel").asText()))
                    .append(" (gemeente ").append(c.path("municipality").asText()).append(")\n");
            if (c.hasNonNull("subject")) {
                s.append("  Onderwerp: ").append(c.path("subject").asText()).append("\n");
            }
            if (c.hasNonNull("text")) {
                s.append("  Uw vraag: ").append(c.path("text").asText()).append("\n");
            }
            JsonNode citizen = c.path("citizen");
            List<String> details = new ArrayList<>();
            for (String field : List.of("name", "email", "phone")) {
                if (citizen.hasNonNull(field)) {
                    details.add(citizen.path(field).asText());
                }
            }
            if (!details.isEmpty()) {
                s.append("  Uw gegevens: ").append(String.join(", ", details)).append("\n");
            }
            for (JsonNode t : c.path("teams")) {
                s.append("  Behandeld door team: ").append(t.path("teamId").asText()).append("\n");
            }
            JsonNode item = items.get(id);
            if (item != null && item.hasNonNull("status")) {
                s.append("  Stand van zaken: ").append(item.path("status").asText()).append("\n");
            }
        }
        s.append("\nWie heeft deze gegevens ingezien: zie het verwerkingenlog (./loket privacy log --contact <id>).\n");
        return s.toString();
    }

    private JsonNode post(String base, String path, JsonNode body, String requestId)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header(REQUEST_ID_HEADER, requestId)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return send(request, path);
    }

    private JsonNode get(String base, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return send(request, pathAndQuery);
    }

    private JsonNode send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getHost() + ":" + request.uri().getPort()
                    + what + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String readBsn() throws IOException {
        Console console = System.console();
        String bsn;
        if (console != null) {
            char[] typed = console.readPassword("BSN van de betrokkene (wordt niet getoond): ");
            bsn = typed == null ? "" : new String(typed);
        } else {
            bsn = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        bsn = bsn == null ? "" : bsn.replaceAll("[\\s.-]", "");
        if (bsn.isEmpty()) {
            throw new IllegalArgumentException("no BSN given on standard input");
        }
        return bsn;
    }
}
