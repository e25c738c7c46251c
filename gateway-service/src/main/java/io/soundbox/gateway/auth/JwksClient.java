package io.soundbox.gateway.auth;

/** Fetches Valnet's JSON Web Key Set. Blocking: called on worker threads only. */
public interface JwksClient {
    /**
     * @return the key set document (RFC 7517 {@code {"keys": [...]}})
     * @throws AuthUnavailableException when the key set cannot be fetched
     */
    String fetch();
}
