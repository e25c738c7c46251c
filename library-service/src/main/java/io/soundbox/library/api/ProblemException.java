package io.soundbox.library.api;

/** Ends a request with a problem document; thrown by validation and lookups. */
public class ProblemException extends RuntimeException {
    private final String type;
    private final String title;
    private final int status;

    public ProblemException(String type, String title, int status, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
        this.status = status;
    }

    public static ProblemException badParameter(String detail) {
        return new ProblemException(Problem.INVALID_PARAMETER, "Invalid parameter", 400, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.NOT_FOUND, "Not found", 404, detail);
    }

    public static ProblemException badBody(String detail) {
        return new ProblemException(Problem.INVALID_BODY, "Invalid request body", 400, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.UNAUTHORIZED, "Unauthorized", 401, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.FORBIDDEN, "Forbidden", 403, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.CONFLICT, "Conflict", 409, detail);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance);
    }
}
