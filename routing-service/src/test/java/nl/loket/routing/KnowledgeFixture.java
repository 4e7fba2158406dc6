package nl.loket.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.routing.knowledge.KnowledgeView;

/**
 * The knowledge events of {@code knowledge/knowledge-fixture.jsonl} (generated from /work/shared/data by
 * {@code generate_fixture.py}): the nine default teams, UPL products, Signalen categories, VAC articles.
 */
public final class KnowledgeFixture {

    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static List<Event> events;

    public record Event(String topic, String key, String type, String json) {
    }

    private KnowledgeFixture() {
    }

    public static synchronized List<Event> events() {
        if (events == null) {
            List<Event> loaded = new ArrayList<>();
            String file = System.getProperty("knowledge.fixture"); // e.g. built by eval/knowledge_service_fixture.py
            try (InputStream in = file != null ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))
                    : KnowledgeFixture.class.getClassLoader().getResourceAsStream("knowledge/knowledge-fixture.jsonl")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = MAPPER.readTree(line);
                    loaded.add(new Event(node.get("topic").asText(), node.get("key").asText(),
                            node.get("type").asText(), MAPPER.writeValueAsString(node.get("value"))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events = List.copyOf(loaded);
        }
        return events;
    }

    /** Applies the fixture to a view directly (plain unit tests). */
    public static KnowledgeView view() {
        KnowledgeView view = new KnowledgeView();
        try {
            for (Event e : events()) {
                switch (e.topic()) {
                    case Topics.KNOWLEDGE_TEAMS -> view.putTeam(e.key(), MAPPER.readValue(e.json(), TeamChanged.class));
                    case Topics.KNOWLEDGE_PRODUCTS ->
                        view.putProduct(e.key(), MAPPER.readValue(e.json(), ProductChanged.class));
                    case Topics.KNOWLEDGE_CATEGORIES ->
                        view.putCategory(e.key(), MAPPER.readValue(e.json(), CategoryChanged.class));
                    case Topics.KNOWLEDGE_ARTICLES ->
                        view.putArticle(e.key(), MAPPER.readValue(e.json(), ArticleChanged.class));
                    default -> throw new IllegalStateException(e.topic());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        view.markCaughtUp();
        return view;
    }
}
