package io.soundbox.generation.scheduler;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The numbers of the scheduler (docs/architecture.md "Scheduler"; every one is configuration).
 *
 * @param affinityLimit   consecutive jobs the loaded model is preferred over a better job for another model
 * @param starvationMs    a job waiting longer than this forces a switch to its model
 * @param maxBatch        most same-model jobs handed to a batching engine in one call
 * @param capacity        most jobs held at once (the bounded queue)
 * @param tierPriorities  tier name to priority, 0 served first; a tier missing here keeps the request's priority
 * @param maxPendingPerUser tier name to the most queued jobs one user may have; a tier missing here is unlimited
 */
public record SchedulingPolicy(int affinityLimit, long starvationMs, int maxBatch, int capacity,
                               Map<String, Integer> tierPriorities, Map<String, Integer> maxPendingPerUser) {
    /** Free, the lowest tier of the original; unknown tiers are not allowed to jump ahead of it. */
    public static final int LOWEST_PRIORITY = 4;

    public SchedulingPolicy {
        if (affinityLimit < 1 || starvationMs < 1 || maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException("affinity limit, starvation, batch and capacity must be positive");
        }
        tierPriorities = lowerKeys(tierPriorities);
        maxPendingPerUser = lowerKeys(maxPendingPerUser);
    }

    /** The design's numbers: affinity 3, starvation 60 s, batches of 3, tiers admin 0 ... free 4. */
    public static SchedulingPolicy defaults(int capacity) {
        return new SchedulingPolicy(3, 60_000, 3, capacity,
                Map.of("admin", 0, "creator", 1, "premium", 2, "supporter", 3, "free", 4),
                Map.of("creator", 20, "premium", 10, "supporter", 5, "free", 2));
    }

    public SchedulingPolicy withMaxBatch(int batch) {
        return new SchedulingPolicy(affinityLimit, starvationMs, batch, capacity, tierPriorities, maxPendingPerUser);
    }

    /** The configured priority of the tier, else the request's own, clamped to 0..{@link #LOWEST_PRIORITY}. */
    public int priorityOf(String tier, int requested) {
        Integer configured = tier == null ? null : tierPriorities.get(tier.toLowerCase(Locale.ROOT));
        if (configured != null) {
            return configured;
        }
        return Math.max(0, Math.min(LOWEST_PRIORITY, requested));
    }

    public OptionalInt maxPendingOf(String tier) {
        Integer max = tier == null ? null : maxPendingPerUser.get(tier.toLowerCase(Locale.ROOT));
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    private static Map<String, Integer> lowerKeys(Map<String, Integer> m) {
        Map<String, Integer> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(out);
    }
}
