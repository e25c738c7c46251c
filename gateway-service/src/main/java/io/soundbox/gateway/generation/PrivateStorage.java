package io.soundbox.gateway.generation;

/**
 * A user's private storage as library-service counts it ({@code GET /api/my-generations/storage}):
 * stored private generations and the tier's limit ({@code null}: unlimited).
 */
public record PrivateStorage(String tier, long privateCount, Long limit) {
    /** How many more private jobs may be pending beside the stored ones; {@code Long.MAX_VALUE} when unlimited. */
    public long room() {
        return limit == null ? Long.MAX_VALUE : Math.max(0, limit - privateCount);
    }
}
