package io.soundbox.gateway.auth;

/**
 * The identity provider (Valnet) could not be asked: down, slow, or answering nonsense. The gateway
 * fails closed on it: the request is refused with 503, never let through as anonymous.
 */
public class AuthUnavailableException extends RuntimeException {
    public AuthUnavailableException(String message) {
        super(message);
    }

    public AuthUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
