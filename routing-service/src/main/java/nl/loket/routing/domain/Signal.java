package nl.loket.routing.domain;

/** Which kind of signal decided where a contact goes, in the order they win. */
public enum Signal {
    /** The citizen's or the desk's own choice: web-form product, phone-menu choice, desk topic. */
    EXPLICIT,
    /** A question about a case whose status is known. */
    CASE,
    /** The trained text model. */
    MODEL,
    /** The other rules: intent cues and knowledge matches, including the first line for triage. */
    RULES,
    /** A transfer that named its team. */
    TRANSFER
}
