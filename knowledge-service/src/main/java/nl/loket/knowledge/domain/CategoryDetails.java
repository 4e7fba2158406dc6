package nl.loket.knowledge.domain;

import java.util.List;

import nl.loket.contracts.events.HandlingTerm;

/** What an editor writes of a report category; {@code id} is {@code main} or {@code main/sub}. */
public record CategoryDetails(String id, String name, String description, List<String> keywords, String teamId,
        HandlingTerm handlingTerm) {
}
