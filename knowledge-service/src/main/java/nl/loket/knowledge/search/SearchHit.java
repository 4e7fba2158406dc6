package nl.loket.knowledge.search;

/** One ranked search result with its matching snippet (matches in {@code <em>}, text HTML-escaped). */
public record SearchHit(String type, String id, String title, String snippet, String teamId, float score) {
}
