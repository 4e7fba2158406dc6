package nl.loket.workspace.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Reads a server-sent event stream line by line, as a browser's EventSource would receive it. */
final class SseClient implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final AtomicBoolean ended = new AtomicBoolean();
    final AtomicInteger status = new AtomicInteger();
    private volatile Stream<String> body;

    SseClient(URI uri, String token) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            status.set(response.statusCode());
            body = response.body();
            CompletableFuture.runAsync(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException e) {
                    // closed by the test
                } finally {
                    ended.set(true);
                }
            });
        });
    }

    /** The data of the {@code queue} events received so far. */
    List<String> queueEvents() {
        List<String> events = new java.util.ArrayList<>();
        String event = null;
        for (String line : lines) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:") && "queue".equals(event)) {
                events.add(line.substring("data:".length()).trim());
            } else if (line.isEmpty()) {
                event = null;
            }
        }
        return events;
    }

    @Override
    public void close() {
        if (body != null) {
            body.close();
        }
    }
}
