package nl.loket.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as record headers, the event data
 * is the record value (JSON).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Dead-letter records carry the reason in this header (besides SmallRye's own dead-letter-* headers). */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    public static final String SPEC_VERSION_1_0 = "1.0";

    private CloudEventHeaders() {
    }

    /** The {@code ce_source} of a Loket service, e.g. {@code urn:loket:intake-service}. */
    public static String sourceOf(String applicationName) {
        return "urn:loket:" + applicationName;
    }
}
