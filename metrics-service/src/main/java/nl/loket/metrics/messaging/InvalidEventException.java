package nl.loket.metrics.messaging;

import nl.loket.kit.messaging.InvalidRecordException;

/** A record that breaks the contract; its message is the dead-letter reason. */
public class InvalidEventException extends InvalidRecordException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
