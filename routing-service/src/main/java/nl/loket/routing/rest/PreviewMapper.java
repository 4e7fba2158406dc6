package nl.loket.routing.rest;

import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.domain.RoutingPreview;

/** Maps the domain preview to the API model. */
final class PreviewMapper {

    private PreviewMapper() {
    }

    static PreviewResponse toResponse(RoutingPreview preview) {
        RoutingDecision d = preview.decision();
        return new PreviewResponse(d.tier(), d.teamId(), d.reason(), d.confidence(), d.rule(), d.productUri(),
                d.productName(), d.articleId(), d.categoryId(), d.policyName(), d.policyVersion(),
                preview.intent().name());
    }
}
