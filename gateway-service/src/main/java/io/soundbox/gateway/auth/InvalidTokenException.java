package io.soundbox.gateway.auth;

/** A bearer token was rejected; the message says why in words safe to return to the client. */
public class InvalidTokenException extends Exception {
    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
