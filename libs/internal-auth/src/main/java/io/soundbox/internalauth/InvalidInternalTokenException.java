package io.soundbox.internalauth;

/** An internal token (or Authorization header) that is present but not acceptable; the message is safe to show. */
public class InvalidInternalTokenException extends RuntimeException {
    public InvalidInternalTokenException(String message) {
        super(message);
    }

    public InvalidInternalTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
