package nl.loket.knowledge.domain;

import java.util.List;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;

/** What an editor writes of a team; {@code id} is required on create and, on replace, must equal the path id. */
public record TeamDetails(String id, String name, Tier tier, List<String> organisations, List<Channel> channels) {
}
