package io.soundbox.gateway.auth;

/**
 * Turns a bearer token into a caller. One implementation per {@link AuthMode}; implementations may
 * block (a remote introspection call), callers run them on worker threads.
 */
public interface CallerResolver {
    /**
     * @param bearerToken the token without the "Bearer " prefix, never null
     * @throws InvalidTokenException when the token is not acceptable (the message is safe to show)
     */
    Caller resolve(String bearerToken) throws InvalidTokenException;
}
