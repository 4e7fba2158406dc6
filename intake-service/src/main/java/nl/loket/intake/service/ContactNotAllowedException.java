package nl.loket.intake.service;

/**
 * The signed-in adapter may not hand in this contact: it names another adapter as {@code adapterId}, or sets a signal
 * ({@code ivrChoice}, {@code deskTopic}) its channel does not have. Answered 403.
 */
public class ContactNotAllowedException extends RuntimeException {

    public ContactNotAllowedException(String message) {
        super(message);
    }
}
