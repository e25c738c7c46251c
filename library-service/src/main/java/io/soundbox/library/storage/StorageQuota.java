package io.soundbox.library.storage;

/**
 * How many private generations a tier may keep (the original's numbers: creator 500, premium 200,
 * supporter 100, free 20; admins unlimited) and what a cleanup must remove to get back under it. Pure.
 */
public final class StorageQuota {
    private StorageQuota() {
    }

    /** The limit of a tier, null for unlimited (admin). Unknown tiers get the free limit. */
    public static Integer limitOf(String tier) {
        return switch (tier == null ? "free" : tier) {
            case "creator" -> 500;
            case "premium" -> 200;
            case "supporter" -> 100;
            case "admin" -> null;
            default -> 20;
        };
    }

    /** Slots left, 0 when at or over the limit, null when unlimited. */
    public static Long remaining(Integer limit, long used) {
        return limit == null ? null : Math.max(0, limit - used);
    }

    /**
     * What a cleanup without an explicit count removes: enough to leave one free slot (so the next
     * generation fits), at least 1 when at or over the limit, 0 below it or without a limit.
     */
    public static int defaultCleanupCount(Integer limit, long used) {
        if (limit == null || used < limit) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, used - limit + 1);
    }
}
