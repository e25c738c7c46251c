package io.soundbox.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;

/** Asks Valnet who a bearer token belongs to. Blocking: called on worker threads only. */
public interface ValnetClient {
    /**
     * @return Valnet's user document for the token
     * @throws InvalidTokenException when Valnet says the token is not (or no longer) valid
     * @throws AuthUnavailableException when Valnet cannot be asked or answers nonsense
     */
    JsonNode currentUser(String bearerToken) throws InvalidTokenException;
}
