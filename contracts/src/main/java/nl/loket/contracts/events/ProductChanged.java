package nl.loket.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Current state of a product (UPL). Topic {@code knowledge.products}, compacted, key product id (the UPL URI);
 * a tombstone deletes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductChanged(
        String uri,
        String name,
        String kind,
        String legalBasis,
        List<String> keywords,
        String teamId,
        HandlingTerm handlingTerm) {

    public static final String TYPE = "nl.loket.knowledge.product-changed.v1";
}
