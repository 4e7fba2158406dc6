package nl.loket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.knowledge.seed.SeedData;
import nl.loket.knowledge.service.SeedService;
import nl.loket.testsupport.TopicClient;
import nl.loket.testsupport.TopicClient.ReadRecord;
import nl.loket.testsupport.WithKafkaAndPostgres;

@QuarkusTest
@WithKafkaAndPostgres(database = "knowledge")
class SeedPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    SeedService seed;

    @Test
    void freshStartPublishesTheFullStateExactlyOnce() throws Throwable {
        Instant now = Instant.now();
        Set<String> productUris = SeedData.products(now).stream().map(p -> p.uri).collect(Collectors.toSet());
        Set<String> categoryIds = SeedData.categories(now).stream().map(c -> c.id).collect(Collectors.toSet());
        Set<String> articleIds = SeedData.articles(now).stream().map(a -> a.id).collect(Collectors.toSet());
        assertThat(productUris).hasSizeGreaterThan(400);
        assertThat(categoryIds).hasSize(160);

        TopicClient.await(Topics.KNOWLEDGE_TEAMS, r -> DefaultTeams.ALL.contains(r.key()), DefaultTeams.ALL.size(), WAIT);
        TopicClient.await(Topics.KNOWLEDGE_PRODUCTS, r -> productUris.contains(r.key()), productUris.size(), WAIT);
        TopicClient.await(Topics.KNOWLEDGE_CATEGORIES, r -> categoryIds.contains(r.key()), categoryIds.size(), WAIT);
        TopicClient.await(Topics.KNOWLEDGE_ARTICLES, r -> articleIds.contains(r.key()), articleIds.size(), WAIT);

        assertOncePerKey(Topics.KNOWLEDGE_TEAMS, Set.copyOf(DefaultTeams.ALL));
        assertOncePerKey(Topics.KNOWLEDGE_PRODUCTS, productUris);
        assertOncePerKey(Topics.KNOWLEDGE_CATEGORIES, categoryIds);
        assertOncePerKey(Topics.KNOWLEDGE_ARTICLES, articleIds);

        // A restart with data does not seed (nor publish) again.
        assertThat(VertxContextSupport.subscribeAndAwait(seed::seedIfEmpty)).isFalse();
    }

    @Test
    void everyProductAndCategoryCarriesTeamAndHandlingTerm() throws Exception {
        Set<String> teams = Set.copyOf(DefaultTeams.ALL);
        Set<String> uris = SeedData.products(Instant.now()).stream().map(p -> p.uri).collect(Collectors.toSet());
        List<ReadRecord> products = TopicClient.await(Topics.KNOWLEDGE_PRODUCTS, r -> uris.contains(r.key()), uris.size(), WAIT);
        for (ReadRecord r : products) {
            JsonNode p = JSON.readTree(r.value());
            assertThat(p.path("uri").asText()).isEqualTo(r.key());
            assertThat(teams).contains(p.path("teamId").asText());
            assertThat(p.path("handlingTerm").path("days").isInt()).isTrue();
            assertThat(p.path("handlingTerm").path("unit").asText()).isIn("WORKING_DAYS", "CALENDAR_DAYS");
            assertThat(p.path("keywords").isArray()).isTrue();
        }
        Set<String> ids = SeedData.categories(Instant.now()).stream().map(c -> c.id).collect(Collectors.toSet());
        List<ReadRecord> categories = TopicClient.await(Topics.KNOWLEDGE_CATEGORIES, r -> ids.contains(r.key()), ids.size(), WAIT);
        for (ReadRecord r : categories) {
            JsonNode c = JSON.readTree(r.value());
            assertThat(teams).contains(c.path("teamId").asText());
            assertThat(c.path("handlingTerm").path("days").isInt()).isTrue();
        }
        JsonNode rats = categories.stream().filter(r -> r.key().equals("overlast-van-dieren/ratten")).findFirst()
                .map(r -> read(r.value())).orElseThrow();
        assertThat(rats.path("teamId").asText()).isEqualTo("openbare-ruimte");
        assertThat(rats.path("parentId").asText()).isEqualTo("overlast-van-dieren");
        assertThat(rats.path("handlingTerm").path("days").asInt()).isEqualTo(5);
    }

    @Test
    void everyRecordOnTheKnowledgeTopicsIsAValidCloudEvent() {
        for (String topic : List.of(Topics.KNOWLEDGE_TEAMS, Topics.KNOWLEDGE_PRODUCTS, Topics.KNOWLEDGE_CATEGORIES,
                Topics.KNOWLEDGE_ARTICLES)) {
            TopicClient.await(topic, r -> true, 1, WAIT);
            List<ReadRecord> all = TopicClient.readAll(topic, WAIT);
            assertThat(all).isNotEmpty();
            all.forEach(Events::assertProducedByUs);
        }
    }

    private static void assertOncePerKey(String topic, Set<String> keys) {
        Map<String, Long> counts = TopicClient.readAll(topic, WAIT).stream()
                .filter(r -> keys.contains(r.key()))
                .collect(Collectors.groupingBy(ReadRecord::key, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(counts.values()).allMatch(n -> n == 1L);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
