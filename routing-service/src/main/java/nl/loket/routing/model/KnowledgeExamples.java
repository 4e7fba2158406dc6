package nl.loket.routing.model;

import java.util.ArrayList;
import java.util.List;

import nl.loket.contracts.events.ArticleChanged;
import nl.loket.contracts.events.CategoryChanged;
import nl.loket.contracts.events.ProductChanged;
import nl.loket.routing.knowledge.KnowledgeSnapshot;

/**
 * Training texts from the knowledge view, labelled with the team that gets such a contact: a product's name and
 * keywords → the product's team; a Signalen category's name, description and keywords (and its parent's name) → the
 * category's team, as a report; a VAC question → the first line (a generic information question is answered
 * there, whichever team handles the product it is about). Only teams the view knows.
 */
public final class KnowledgeExamples {

    private KnowledgeExamples() {
    }

    public static List<TrainingExample> of(KnowledgeSnapshot k) {
        List<TrainingExample> out = new ArrayList<>();
        String firstLine = k.firstLineTeam();
        for (ProductChanged p : k.products().values()) {
            if (p.teamId() == null || !k.knowsTeam(p.teamId()) || p.name() == null) {
                continue;
            }
            out.add(new TrainingExample("product:" + p.uri(), p.name(), p.teamId(), 1.0));
            if (p.keywords() != null && !p.keywords().isEmpty()) {
                out.add(new TrainingExample("product-keywords:" + p.uri(), p.name() + ". " + String.join(", ",
                        p.keywords()), p.teamId(), 1.0));
            }
        }
        for (CategoryChanged c : k.categories().values()) {
            if (c.teamId() == null || !k.knowsTeam(c.teamId()) || c.name() == null) {
                continue;
            }
            CategoryChanged parent = c.parentId() == null ? null : k.categories().get(c.parentId());
            out.add(new TrainingExample("category:" + c.id(), c.name(), c.teamId(), 1.0));
            StringBuilder text = new StringBuilder(c.name());
            if (c.description() != null && !c.description().isBlank()) {
                text.append(". ").append(c.description());
            }
            if (c.keywords() != null && !c.keywords().isEmpty()) {
                text.append(". ").append(String.join(", ", c.keywords()));
            }
            if (parent != null && parent.name() != null) {
                text.append(". ").append(parent.name());
            }
            out.add(new TrainingExample("category-text:" + c.id(), text.toString(), c.teamId(), 1.0));
        }
        if (firstLine != null && k.knowsTeam(firstLine)) {
            for (ArticleChanged a : k.articles().values()) {
                if (a.question() != null && !a.question().isBlank()) {
                    out.add(new TrainingExample("article:" + a.id(), a.question(), firstLine, 1.0));
                }
            }
        }
        return out;
    }
}
