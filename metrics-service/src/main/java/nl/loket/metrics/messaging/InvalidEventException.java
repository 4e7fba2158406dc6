package nl.loket.metrics.messaging;

/** A record that breaks the contract; its message is the dead-letter reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
