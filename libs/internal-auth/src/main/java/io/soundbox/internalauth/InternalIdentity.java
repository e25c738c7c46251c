package io.soundbox.internalauth;

import java.util.Set;

/**
 * The caller the gateway vouched for in an internal token.
 *
 * @param tier   the caller's tier; {@code admin} for admins
 * @param groups the token's groups as signed (e.g. the tier, {@code admin}, {@code service} for the gateway's
 *               own calls)
 */
public record InternalIdentity(String userId, String tier, boolean admin, Set<String> groups) {
    public InternalIdentity {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
