package io.soundbox.gateway.ratelimit;

import io.soundbox.gateway.domain.Tier;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The limits in force per tier: the tier table of docs/architecture.md (held by {@link Tier}) with the operator's overrides
 * from {@code soundbox.limits.tiers.<tier>.*} on top. A negative override means unlimited.
 */
public final class TierLimits {
    private final Map<Tier, TierLimit> limits;

    private TierLimits(Map<Tier, TierLimit> limits) {
        this.limits = limits;
    }

    public static TierLimits defaults() {
        Map<Tier, TierLimit> m = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            m.put(t, new TierLimit(t.perHour(), t.maxDurationSeconds(), t.maxPendingJobs()));
        }
        return new TierLimits(m);
    }

    /** One tier's overrides; each empty value keeps the default. */
    public record Override(OptionalInt perHour, OptionalInt maxDuration, OptionalInt maxPending) {
    }

    /**
     * @param overrides by tier name as written in configuration
     * @throws IllegalArgumentException for an unknown tier name
     */
    public TierLimits with(Map<String, Override> overrides) {
        Map<Tier, TierLimit> m = new EnumMap<>(limits);
        overrides.forEach((name, o) -> {
            Tier tier = Tier.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "soundbox.limits.tiers." + name + ": unknown tier (expected one of admin, creator, premium,"
                            + " supporter, free)"));
            TierLimit d = m.get(tier);
            m.put(tier, new TierLimit(pick(o.perHour(), d.perHour()), pick(o.maxDuration(), d.maxDurationSeconds()),
                    pick(o.maxPending(), d.maxPending())));
        });
        return new TierLimits(m);
    }

    public TierLimit of(Tier tier) {
        return limits.get(tier);
    }

    private static OptionalInt pick(OptionalInt override, OptionalInt current) {
        if (override.isEmpty()) {
            return current;
        }
        return override.getAsInt() < 0 ? OptionalInt.empty() : override;
    }

    @java.lang.Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        limits.forEach((t, l) -> b.append(t.name().toLowerCase(Locale.ROOT)).append('=').append(l).append(' '));
        return b.toString().strip();
    }
}
