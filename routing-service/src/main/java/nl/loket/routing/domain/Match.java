package nl.loket.routing.domain;

/** One knowledge item that matched a contact's text, with its BM25 score. */
public record Match(Kind kind, String id, String label, String teamId, double score) {

    public enum Kind { PRODUCT, CATEGORY, ARTICLE }
}
