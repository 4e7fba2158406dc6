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
                preview.intent().name(), preview.signal(), d.modelVersion(),
                preview.model() == null ? null : new PreviewResponse.ModelView(preview.model().teamId(),
                        preview.model().confidence(), preview.model().version(), preview.model().terms()),
                preview.rulesOnly() == null ? null
                        : new PreviewResponse.RulesOnly(preview.rulesOnly().teamId(), preview.rulesOnly().rule()));
    }
}
