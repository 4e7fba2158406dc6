package nl.loket.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Current state of a team. Topic {@code knowledge.teams}, compacted, key team id; a tombstone deletes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamChanged(String id, String name, Tier tier, List<String> organisations, List<Channel> channels) {

    public static final String TYPE = "nl.loket.knowledge.team-changed.v1";
}
