package nl.loket.intake.service;

/** The idempotency key was used before with a different body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This idempotency key was used before with a different request body");
    }
}
