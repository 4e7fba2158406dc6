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

    public static final String SPEC_VERSION_1_0 = "1.0";

    private CloudEventHeaders() {
    }

    /** The {@code ce_source} of a Loket service, e.g. {@code urn:loket:intake-service}. */
    public static String sourceOf(String applicationName) {
        return "urn:loket:" + applicationName;
    }
}
