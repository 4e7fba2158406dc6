package nl.loket.intake.service;

/** Kafka did not acknowledge in time: the contact is not accepted, the adapter should retry. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
