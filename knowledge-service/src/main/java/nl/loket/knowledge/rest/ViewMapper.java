package nl.loket.knowledge.rest;

import nl.loket.contracts.events.HandlingTerm;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.CaseStatus;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.domain.Team;
import nl.loket.knowledge.rest.model.Views;

/** Entities → API response models. */
final class ViewMapper {

    private ViewMapper() {
    }

    static Views.TeamView toView(Team t) {
        return new Views.TeamView(t.id, t.name, t.tier, t.organisations, t.channels);
    }

    static Views.ProductView toView(Product p) {
        return new Views.ProductView(p.id, p.uri, p.name, p.kind, p.legalBasis, p.keywords, p.teamId,
                new HandlingTerm(p.termDays, p.termUnit), p.mappingRule);
    }

    static Views.CategoryView toView(Category c) {
        return new Views.CategoryView(c.id, c.parentId, c.name, c.description, c.keywords, c.teamId,
                new HandlingTerm(c.termDays, c.termUnit), c.mappingRule);
    }

    static Views.ArticleView toView(Article a) {
        return new Views.ArticleView(a.id, a.question, a.answer, a.productUris, a.subjects, a.source, a.validFrom,
                a.validUntil);
    }

    static Views.CaseStatusView toView(CaseStatus c) {
        return new Views.CaseStatusView(c.reference, c.municipality, c.productUri, c.teamId, c.status, c.statusText,
                c.expectedDecisionDate, c.changedAt);
    }
}
