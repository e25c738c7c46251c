package io.soundbox.backup.api;

import io.soundbox.backup.engine.BackupException;

/** Ends a request with a problem document; thrown by resources and the admin guard. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = Problem.PREFIX + type;
        this.title = title;
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-parameter", "Bad Request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail);
    }

    /** The HTTP status for each way a backup operation fails. */
    public static ProblemException of(BackupException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> notFound(e.getMessage());
            case LIBRARY_UNAVAILABLE -> new ProblemException(503, "library-unavailable", "Service Unavailable", e.getMessage());
            case BUSY -> new ProblemException(409, "backup-busy", "Conflict", e.getMessage());
            case CORRUPT -> new ProblemException(422, "backup-corrupt", "Backup Corrupt", e.getMessage());
            case NO_SPACE -> new ProblemException(507, "backup-no-space", "Insufficient Storage", e.getMessage());
            case TARGET_UNWRITABLE -> new ProblemException(503, "backup-target-unwritable", "Backup Target Unwritable",
                    e.getMessage());
            case SOURCE_UNREADABLE -> new ProblemException(503, "backup-source-unreadable", "Backup Source Unreadable",
                    e.getMessage());
            case FAILED -> new ProblemException(500, "backup-failed", "Backup Failed", e.getMessage());
        };
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance);
    }
}
