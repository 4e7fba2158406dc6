package nl.loket.knowledge.rest;

import nl.loket.contracts.events.HandlingTerm;
import nl.loket.knowledge.domain.ArticleDetails;
import nl.loket.knowledge.domain.CategoryDetails;
import nl.loket.knowledge.domain.ProductDetails;
import nl.loket.knowledge.domain.TeamDetails;
import nl.loket.knowledge.rest.model.ArticleInput;
import nl.loket.knowledge.rest.model.CategoryInput;
import nl.loket.knowledge.rest.model.HandlingTermInput;
import nl.loket.knowledge.rest.model.ProductInput;
import nl.loket.knowledge.rest.model.TeamInput;

/** API input models (validated) → the domain details the services write. */
final class InputMapper {

    private InputMapper() {
    }

    static TeamDetails toDetails(TeamInput in) {
        return new TeamDetails(in.id(), in.name(), in.tier(), in.organisations(), in.channels());
    }

    static ProductDetails toDetails(ProductInput in) {
        return new ProductDetails(in.uri(), in.name(), in.kind(), in.legalBasis(), in.keywords(), in.teamId(),
                toTerm(in.handlingTerm()));
    }

    static CategoryDetails toDetails(CategoryInput in) {
        return new CategoryDetails(in.id(), in.name(), in.description(), in.keywords(), in.teamId(),
                toTerm(in.handlingTerm()));
    }

    static ArticleDetails toDetails(ArticleInput in) {
        return new ArticleDetails(in.question(), in.answer(), in.productUris(), in.subjects(), in.source(),
                in.validFrom(), in.validUntil());
    }

    private static HandlingTerm toTerm(HandlingTermInput in) {
        return in == null ? null : new HandlingTerm(in.days(), in.unit());
    }
}
