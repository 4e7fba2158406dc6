package nl.loket.routing.rest;

import nl.loket.routing.domain.RoutingDecision;
import nl.loket.routing.domain.RoutingPreview;
import nl.loket.routing.service.ReasonTexts;

/** Maps the domain preview to the API model. */
final class PreviewMapper {

    private PreviewMapper() {
    }

    /** The preview with its reason in the caller's language. */
    static PreviewResponse toResponse(RoutingPreview preview, ReasonTexts language) {
        RoutingDecision d = preview.decision();
        return new PreviewResponse(d.tier(), d.teamId(), language.render(d.reason()), d.confidence(), d.rule(),
                d.productUri(), d.productName(), d.articleId(), d.categoryId(), d.policyName(), d.policyVersion(),
                preview.intent().name());
    }
}
