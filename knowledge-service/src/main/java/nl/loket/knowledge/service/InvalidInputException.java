package nl.loket.knowledge.service;

/** Input that passed Bean Validation but contradicts the data, e.g. an unknown team id; maps to 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
