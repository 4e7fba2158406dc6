package nl.loket.knowledge.messaging;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.loket.contracts.EventJson;
import nl.loket.contracts.Topics;
import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.contracts.events.TeamChanged;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.domain.Team;

/** Maps entities to the events of the compacted knowledge topics (one place, explicit). */
public final class KnowledgeEvents {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** What goes into the outbox: topic, key, ce_type and the JSON data (null = tombstone). */
    public record Outgoing(String topic, String key, String type, String json) {
    }

    private KnowledgeEvents() {
    }

    public static TeamChanged toEvent(Team t) {
        return new TeamChanged(t.id, t.name, t.tier, List.copyOf(t.organisations),
                t.channels.stream().map(Channel::valueOf).toList());
    }

    public static ProductChanged toEvent(Product p) {
        return new ProductChanged(p.uri, p.name, p.kind, p.legalBasis, List.copyOf(p.keywords), p.teamId,
                new HandlingTerm(p.termDays, p.termUnit));
    }

    public static CategoryChanged toEvent(Category c) {
        return new CategoryChanged(c.id, c.parentId, c.name, c.description, List.copyOf(c.keywords), c.teamId,
                new HandlingTerm(c.termDays, c.termUnit));
    }

    public static ArticleChanged toEvent(Article a) {
        return new ArticleChanged(a.id, a.question, a.answer, List.copyOf(a.productUris), List.copyOf(a.subjects),
                a.source, a.validFrom, a.validUntil);
    }

    public static Outgoing changed(Team t) {
        return new Outgoing(Topics.KNOWLEDGE_TEAMS, t.id, TeamChanged.TYPE, json(toEvent(t)));
    }

    public static Outgoing changed(Product p) {
        return new Outgoing(Topics.KNOWLEDGE_PRODUCTS, p.uri, ProductChanged.TYPE, json(toEvent(p)));
    }

    public static Outgoing changed(Category c) {
        return new Outgoing(Topics.KNOWLEDGE_CATEGORIES, c.id, CategoryChanged.TYPE, json(toEvent(c)));
    }

    public static Outgoing changed(Article a) {
        return new Outgoing(Topics.KNOWLEDGE_ARTICLES, a.id, ArticleChanged.TYPE, json(toEvent(a)));
    }

    public static Outgoing teamDeleted(String id) {
        return new Outgoing(Topics.KNOWLEDGE_TEAMS, id, TeamChanged.TYPE, null);
    }

    public static Outgoing productDeleted(String uri) {
        return new Outgoing(Topics.KNOWLEDGE_PRODUCTS, uri, ProductChanged.TYPE, null);
    }

    public static Outgoing categoryDeleted(String id) {
        return new Outgoing(Topics.KNOWLEDGE_CATEGORIES, id, CategoryChanged.TYPE, null);
    }

    public static Outgoing articleDeleted(String id) {
        return new Outgoing(Topics.KNOWLEDGE_ARTICLES, id, ArticleChanged.TYPE, null);
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }
}
