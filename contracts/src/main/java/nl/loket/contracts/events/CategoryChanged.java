package nl.loket.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Current state of a report category (Signalen). Topic {@code knowledge.categories}, compacted, key category id
 * ({@code main/sub} slug); a tombstone deletes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CategoryChanged(
        String id,
        String parentId,
        String name,
        String description,
        List<String> keywords,
        String teamId,
        HandlingTerm handlingTerm) {

    public static final String TYPE = "nl.loket.knowledge.category-changed.v1";
}
