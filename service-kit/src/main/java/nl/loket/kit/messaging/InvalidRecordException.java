package nl.loket.kit.messaging;

/**
 * A consumed record that breaks the contract (not JSON, schema-invalid, wrong type, refers to something that does
 * not exist). Its message is the dead-letter reason; it goes to the dead-letter topic at once, never retried.
 */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String reason) {
        super(reason);
    }

    public InvalidRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Whether {@code failure} or one of its causes says the record itself is broken. */
    public static boolean isInvalidRecord(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }
}
