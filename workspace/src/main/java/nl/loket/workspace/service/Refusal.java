package nl.loket.workspace.service;

/** The werkplek itself says no (before asking another service): status, a short Dutch title and an English detail. */
public class Refusal extends RuntimeException {

    private final int status;
    private final String title;

    public Refusal(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
