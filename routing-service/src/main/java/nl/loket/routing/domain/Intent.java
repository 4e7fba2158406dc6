package nl.loket.routing.domain;

/** What the citizen wants, read from Dutch cue phrases. */
public enum Intent {
    /** How, when, what does it cost, which documents, opening hours: the knowledge base can answer it. */
    INFORMATION_QUESTION,
    /** The citizen's own case, application, objection, report (melding), complaint or situation. */
    OWN_CASE,
    /** Where is my case: a question about the status of a case. */
    CASE_STATUS,
    /** No cue at all. */
    UNKNOWN
}
