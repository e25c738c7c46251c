package io.soundbox.internalauth;

/**
 * The caller the gateway vouched for in an internal token.
 *
 * @param tier the caller's tier; {@code admin} for admins
 */
public record InternalIdentity(String userId, String tier, boolean admin) {
}
