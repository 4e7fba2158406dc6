package nl.loket.knowledge.service;

/** The change conflicts with the current state (duplicate id, a team still in use); maps to 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
