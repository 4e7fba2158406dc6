package nl.loket.intake.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated HTTP request of the fuzz: what kind of mutation it is ({@code category}), method, path (already
 * encoded), headers (a name may repeat) and the body as bytes, sent exactly as they are.
 */
record FuzzRequest(String category, String method, String path, List<Map.Entry<String, String>> headers, byte[] body) {

    static FuzzRequest post(String category, List<Map.Entry<String, String>> headers, byte[] body) {
        return new FuzzRequest(category, "POST", "/api/v1/contacts", headers, body);
    }

    static FuzzRequest postJson(String category, String json) {
        return post(category, List.of(Map.entry("Content-Type", "application/json")), json.getBytes(StandardCharsets.UTF_8));
    }

    FuzzRequest withHeaders(List<Map.Entry<String, String>> replaced) {
        return new FuzzRequest(category, method, path, replaced, body);
    }

    /** For a failure message: never the whole body, which may be 64 KB. */
    String describe() {
        String text = new String(body, StandardCharsets.UTF_8);
        String headerText = headers.stream()
                .map(h -> h.getKey() + ": " + (h.getValue().length() > 80 ? h.getValue().substring(0, 80) + "…(" + h.getValue().length() + ")" : h.getValue()))
                .toList().toString();
        return category + " " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " " + headerText
                + " body(" + body.length + ")=" + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
