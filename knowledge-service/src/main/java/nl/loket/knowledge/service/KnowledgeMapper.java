package nl.loket.knowledge.service;

import java.util.ArrayList;
import java.util.List;

import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.search.SearchDoc;

/** Entities → search documents. */
public final class KnowledgeMapper {

    public static final String ARTICLE = "ARTICLE";
    public static final String PRODUCT = "PRODUCT";
    public static final String CATEGORY = "CATEGORY";

    private KnowledgeMapper() {
    }

    /** @param teamId the team of the article's first linked product (null when it links none) */
    public static SearchDoc toSearchDoc(Article a, String teamId) {
        return new SearchDoc(ARTICLE, a.id, a.question, String.join(", ", a.subjects), a.answer, teamId);
    }

    public static SearchDoc toSearchDoc(Product p) {
        List<String> keywords = new ArrayList<>(p.keywords);
        if (p.kind != null) {
            keywords.add(p.kind);
        }
        StringBuilder body = new StringBuilder(p.name);
        if (!p.keywords.isEmpty()) {
            body.append(". Ook bekend als: ").append(String.join(", ", p.keywords));
        }
        if (p.kind != null) {
            body.append(". Soort: ").append(p.kind);
        }
        if (p.legalBasis != null && !p.legalBasis.isBlank()) {
            body.append(". Grondslag: ").append(p.legalBasis);
        }
        return new SearchDoc(PRODUCT, p.id, p.name, String.join(", ", keywords), body.toString(), p.teamId);
    }

    public static SearchDoc toSearchDoc(Category c) {
        List<String> keywords = new ArrayList<>(c.keywords);
        if (c.parentId != null) {
            keywords.add(c.parentId.replace('-', ' '));
        }
        StringBuilder body = new StringBuilder("Melding openbare ruimte: ").append(c.name);
        if (c.description != null && !c.description.isBlank()) {
            body.append(". ").append(c.description);
        }
        if (!c.keywords.isEmpty()) {
            body.append(". Ook: ").append(String.join(", ", c.keywords));
        }
        return new SearchDoc(CATEGORY, c.id, c.name, String.join(", ", keywords), body.toString(), c.teamId);
    }
}
