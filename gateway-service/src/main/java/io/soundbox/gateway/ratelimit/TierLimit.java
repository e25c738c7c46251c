package io.soundbox.gateway.ratelimit;

import java.util.OptionalInt;

/** One tier's limits; an empty value means unlimited. */
public record TierLimit(OptionalInt perHour, OptionalInt maxDurationSeconds, OptionalInt maxPending) {
    public static final TierLimit UNLIMITED = new TierLimit(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
}
