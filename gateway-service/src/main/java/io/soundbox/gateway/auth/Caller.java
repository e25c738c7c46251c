package io.soundbox.gateway.auth;

import io.soundbox.gateway.domain.Tier;
import java.util.Objects;

/**
 * An authenticated user of the API. {@code admin} is the role that opens admin endpoints; an admin
 * also gets the admin tier's limits (DESIGN.md: unlimited unless configured).
 */
public record Caller(String userId, Tier tier, boolean admin) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tier, "tier");
    }

    /** A caller whose admin role follows from the tier (local tokens carry the role as tier "admin"). */
    public Caller(String userId, Tier tier) {
        this(userId, tier, tier == Tier.ADMIN);
    }

    public boolean isAdmin() {
        return admin;
    }
}
