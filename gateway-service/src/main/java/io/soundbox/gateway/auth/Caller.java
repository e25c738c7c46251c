package io.soundbox.gateway.auth;

import io.soundbox.gateway.domain.Tier;
import java.util.Objects;

/** An authenticated user of the API. */
public record Caller(String userId, Tier tier) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tier, "tier");
    }

    public boolean isAdmin() {
        return tier == Tier.ADMIN;
    }
}
