package nl.loket.knowledge.messaging;

import java.util.List;

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
import nl.loket.kit.outbox.OutboxEvent;
import nl.loket.knowledge.domain.Team;

/** Maps entities to the events of the compacted knowledge topics and their outbox records (one place, explicit). */
public final class KnowledgeEvents {

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

    public static OutboxEvent changed(Team t) {
        return OutboxEvent.of(Topics.KNOWLEDGE_TEAMS, t.id, toEvent(t));
    }

    public static OutboxEvent changed(Product p) {
        return OutboxEvent.of(Topics.KNOWLEDGE_PRODUCTS, p.uri, toEvent(p));
    }

    public static OutboxEvent changed(Category c) {
        return OutboxEvent.of(Topics.KNOWLEDGE_CATEGORIES, c.id, toEvent(c));
    }

    public static OutboxEvent changed(Article a) {
        return OutboxEvent.of(Topics.KNOWLEDGE_ARTICLES, a.id, toEvent(a));
    }

    public static OutboxEvent teamDeleted(String id) {
        return OutboxEvent.tombstone(Topics.KNOWLEDGE_TEAMS, id, TeamChanged.TYPE);
    }

    public static OutboxEvent productDeleted(String uri) {
        return OutboxEvent.tombstone(Topics.KNOWLEDGE_PRODUCTS, uri, ProductChanged.TYPE);
    }

    public static OutboxEvent categoryDeleted(String id) {
        return OutboxEvent.tombstone(Topics.KNOWLEDGE_CATEGORIES, id, CategoryChanged.TYPE);
    }

    public static OutboxEvent articleDeleted(String id) {
        return OutboxEvent.tombstone(Topics.KNOWLEDGE_ARTICLES, id, ArticleChanged.TYPE);
    }
}
