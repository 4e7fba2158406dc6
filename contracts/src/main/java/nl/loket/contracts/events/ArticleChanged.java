package nl.loket.contracts.events;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Current state of a knowledge article (vraag-antwoordcombinatie). Topic {@code knowledge.articles}, compacted,
 * key article id; a tombstone deletes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleChanged(
        String id,
        String question,
        String answer,
        List<String> productUris,
        List<String> subjects,
        String source,
        LocalDate validFrom,
        LocalDate validUntil) {

    public static final String TYPE = "nl.loket.knowledge.article-changed.v1";
}
