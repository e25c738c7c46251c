package io.soundbox.gateway.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Subscription tiers with the numbers of the original Sound Box (docs/architecture.md "Tiers"). Admin has no limits.
 * Priority 0 is served first by generation-service's scheduler.
 */
public enum Tier {
    ADMIN(0, null, null, null),
    CREATOR(1, 60, 180, 20),
    PREMIUM(2, 30, 120, 10),
    SUPPORTER(3, 15, 60, 5),
    FREE(4, 3, 30, 2);

    private final int priority;
    private final Integer perHour;
    private final Integer maxDurationSeconds;
    private final Integer maxPendingJobs;

    Tier(int priority, Integer perHour, Integer maxDurationSeconds, Integer maxPendingJobs) {
        this.priority = priority;
        this.perHour = perHour;
        this.maxDurationSeconds = maxDurationSeconds;
        this.maxPendingJobs = maxPendingJobs;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int priority() {
        return priority;
    }

    /** Generations per hour; empty means unlimited. */
    public OptionalInt perHour() {
        return perHour == null ? OptionalInt.empty() : OptionalInt.of(perHour);
    }

    /** Longest clip in seconds; empty means unlimited. */
    public OptionalInt maxDurationSeconds() {
        return maxDurationSeconds == null ? OptionalInt.empty() : OptionalInt.of(maxDurationSeconds);
    }

    /** Jobs a user may have waiting at once; empty means unlimited. */
    public OptionalInt maxPendingJobs() {
        return maxPendingJobs == null ? OptionalInt.empty() : OptionalInt.of(maxPendingJobs);
    }

    public boolean allowsDuration(long seconds) {
        return maxDurationSeconds == null || seconds <= maxDurationSeconds;
    }

    public static Optional<Tier> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Tier t : values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
