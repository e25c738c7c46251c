package io.soundbox.library.persistence;

/** The schema could not be brought to the version this build needs; the service must not start. */
public class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
