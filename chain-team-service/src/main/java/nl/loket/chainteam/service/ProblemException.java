package nl.loket.chainteam.service;

import java.util.List;

import nl.loket.kit.http.Problem;

/** A request the service refuses, with the problem+json it answers. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(new Problem("urn:loket:problem:not-found", "Not Found", 404, detail, null, List.of()));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem("urn:loket:problem:forbidden", "Forbidden", 403, detail, null, List.of()));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem("urn:loket:problem:conflict", "Conflict", 409, detail, null, List.of()));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid("1 invalid field(s)", List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid(errors.size() + " invalid field(s)", errors));
    }
}
