package nl.loket.knowledge.domain;

import java.time.LocalDate;
import java.util.List;

/** What an editor writes of a knowledge article (vraag-antwoordcombinatie). */
public record ArticleDetails(String question, String answer, List<String> productUris, List<String> subjects,
        String source, LocalDate validFrom, LocalDate validUntil) {
}
