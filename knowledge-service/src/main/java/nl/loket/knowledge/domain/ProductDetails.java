package nl.loket.knowledge.domain;

import java.util.List;

import nl.loket.contracts.events.HandlingTerm;

/** What an editor writes of a product; its id is the last segment of {@code uri}, which never changes. */
public record ProductDetails(String uri, String name, String kind, String legalBasis, List<String> keywords,
        String teamId, HandlingTerm handlingTerm) {
}
