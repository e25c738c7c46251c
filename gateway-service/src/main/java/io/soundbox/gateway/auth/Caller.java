package io.soundbox.gateway.auth;

import io.soundbox.gateway.domain.Tier;
import java.util.Objects;

/**
 * An authenticated user of the API. {@code admin} is the role that opens admin endpoints; an admin
 * also gets the admin tier's limits (unlimited unless configured). {@code adult} accounts
 * skip the content filter on prompts (as in the original); everyone else, children and guests included,
 * is filtered. {@code emailVerified} is false only when the accounts service says so
 * ({@code email_verified: false}); local callers, guests included, count as verified.
 */
public record Caller(String userId, Tier tier, boolean admin, boolean adult, boolean emailVerified) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tier, "tier");
    }

    public Caller(String userId, Tier tier, boolean admin, boolean adult) {
        this(userId, tier, admin, adult, true);
    }

    /** A caller that is adult only when it is an admin (local mode knows no ages). */
    public Caller(String userId, Tier tier, boolean admin) {
        this(userId, tier, admin, admin);
    }

    /** A caller whose admin role follows from the tier (local tokens carry the role as tier "admin"). */
    public Caller(String userId, Tier tier) {
        this(userId, tier, tier == Tier.ADMIN);
    }

    public boolean isAdmin() {
        return admin;
    }
}
