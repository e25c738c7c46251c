package io.soundbox.library.ingest;

/** An event that can be read but not stored (a poison message): it is logged and skipped. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
